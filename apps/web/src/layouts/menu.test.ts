import { DEFAULT_ROLES, type Permission } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { createAccess } from '../access';
import { type AppRoute, appRoutes } from '../routes';
import { filterRoutes, findRoute, firstAccessiblePath, toMenuData } from './menu';

const accessOf = (...permissions: Permission[]) => createAccess({ permissions });
const roleAccess = (key: string) =>
  createAccess({ permissions: DEFAULT_ROLES.find((r) => r.key === key)?.permissions ?? [] });
const echo = (key: string) => key;
const paths = (routes: { path?: string; children?: unknown[] }[]): string[] =>
  routes.flatMap((route) => [route.path ?? '', ...paths((route.children ?? []) as typeof routes)]);

const fixture: AppRoute[] = [
  { path: '/', nameKey: 'home', element: {} as AppRoute['element'] },
  {
    path: '/admin',
    nameKey: 'admin',
    children: [
      { path: '/admin/users', nameKey: 'users', access: 'users.read', element: {} as AppRoute['element'] },
      { path: '/admin/jobs', nameKey: 'jobs', access: 'jobs.read', element: {} as AppRoute['element'] },
    ],
  },
  {
    path: '/account',
    nameKey: 'account',
    hideInMenu: true,
    children: [{ path: '/account/tokens', nameKey: 'tokens', element: {} as AppRoute['element'] }],
  },
];

describe('filterRoutes', () => {
  it('keeps only routes the user may open', () => {
    expect(paths(filterRoutes(fixture, accessOf('users.read')))).toEqual([
      '/',
      '/admin',
      '/admin/users',
      '/account',
      '/account/tokens',
    ]);
  });

  it('drops a group whose children are all forbidden', () => {
    expect(paths(filterRoutes(fixture, accessOf()))).toEqual(['/', '/account', '/account/tokens']);
  });

  it('shows nothing to an anonymous visitor', () => {
    expect(filterRoutes(fixture, createAccess(null))).toEqual([]);
  });
});

describe('toMenuData', () => {
  it('translates names through the menu namespace and keeps hidden routes for breadcrumbs', () => {
    const menu = toMenuData(fixture, accessOf('jobs.read'), echo);
    expect(menu.map((item) => [item.path, item.name, item.hideInMenu])).toEqual([
      ['/', 'menu:home', undefined],
      ['/admin', 'menu:admin', undefined],
      ['/account', 'menu:account', true],
    ]);
    expect(menu[1]?.children?.map((item) => item.path)).toEqual(['/admin/jobs']);
  });

  it('gives the administrator every page of the real route table', () => {
    const menu = toMenuData(appRoutes, roleAccess('admin'), echo);
    expect(paths(menu)).toEqual([
      '/',
      '/tickets',
      '/tickets/queue',
      '/tickets/at-risk',
      '/tickets/new',
      '/tickets/agents',
      '/tickets/measures',
      '/tickets/reports/intake',
      '/tickets/reports',
      '/tickets/sla-report',
      '/tickets/settings',
      '/tickets/:id',
      '/customers',
      '/customers/:id',
      '/customer-grading',
      '/handovers',
      '/customer-imports',
      '/callbacks',
      '/callbacks/today',
      '/callbacks/plans',
      '/callbacks/campaigns',
      '/callbacks/report',
      '/callbacks/:id',
      '/surveys',
      '/surveys/results',
      '/surveys/list',
      '/surveys/list/:id',
      '/calls',
      '/calls/kpis',
      '/calls/wallboard',
      '/calls/staffing',
      '/calls/imports',
      '/service-standards',
      '/service-standards/phrases',
      '/service-standards/canned-replies',
      '/service-standards/forbidden-phrases',
      '/service-standards/overrides',
      '/admin',
      '/admin/users',
      '/admin/departments',
      '/admin/roles',
      '/admin/customer-settings',
      '/admin/calendars',
      '/admin/calendars/:id',
      '/admin/sla-policies',
      '/admin/audit',
      '/admin/notification-channels',
      '/admin/notification-templates',
      '/admin/notification-deliveries',
      '/admin/robots',
      '/admin/webhooks',
      '/admin/inbound-sources',
      '/admin/jobs',
      '/notifications',
      '/account',
      '/account/profile',
      '/account/notifications',
      '/account/tokens',
    ]);
  });

  it('gives agents the service standards, and supervisors the review of overrides', () => {
    const agent = paths(toMenuData(appRoutes, roleAccess('agent'), echo));
    expect(agent).toContain('/service-standards/phrases');
    expect(agent).toContain('/service-standards/canned-replies');
    expect(agent).toContain('/service-standards/forbidden-phrases');
    expect(agent).not.toContain('/service-standards/overrides');
    expect(paths(toMenuData(appRoutes, roleAccess('supervisor'), echo))).toContain('/service-standards/overrides');
  });

  it('shows the ticket queue to everyone with tickets.read, the new-ticket page to those who write', () => {
    const agent = toMenuData(appRoutes, roleAccess('agent'), echo);
    expect(paths(agent)).toEqual(expect.arrayContaining(['/tickets/queue', '/tickets/new', '/tickets/:id']));
    const group = agent.find((item) => item.path === '/tickets');
    // The queue is the group's first page: /tickets opens it.
    expect(group?.children?.find((item) => !item.hideInMenu)?.path).toBe('/tickets/queue');
    const clerk = paths(toMenuData(appRoutes, roleAccess('clerk'), echo));
    expect(clerk).toContain('/tickets/:id');
    expect(clerk).not.toContain('/tickets/new');
  });

  it('shows the availability board to those who assign, measures, report and settings to all who read tickets', () => {
    const agent = paths(toMenuData(appRoutes, roleAccess('agent'), echo));
    expect(agent).toEqual(expect.arrayContaining(['/tickets/measures', '/tickets/reports', '/tickets/settings']));
    expect(agent).not.toContain('/tickets/agents');
    expect(paths(toMenuData(appRoutes, roleAccess('supervisor'), echo))).toContain('/tickets/agents');
    expect(paths(toMenuData(appRoutes, roleAccess('general_manager'), echo))).toContain('/tickets/reports');
  });

  it('gives an agent the home page, departments and their own account pages only', () => {
    const visible = paths(toMenuData(appRoutes, roleAccess('agent'), echo));
    expect(visible).toContain('/admin/departments');
    expect(visible).not.toContain('/admin/users');
    expect(visible).not.toContain('/admin/audit');
    expect(visible).not.toContain('/admin/jobs');
  });

  it('gives a department manager audit but not jobs', () => {
    const visible = paths(toMenuData(appRoutes, roleAccess('department_manager'), echo));
    expect(visible).toContain('/admin/audit');
    expect(visible).not.toContain('/admin/jobs');
  });

  it('shows the customer pages by customers.* permission', () => {
    const manager = paths(toMenuData(appRoutes, roleAccess('department_manager'), echo));
    expect(manager).toEqual(
      expect.arrayContaining(['/customers', '/customer-grading', '/handovers', '/customer-imports']),
    );
    expect(manager).not.toContain('/admin/customer-settings');
    const agent = paths(toMenuData(appRoutes, roleAccess('agent'), echo));
    expect(agent).toContain('/customers');
    expect(agent).not.toContain('/customer-grading');
    expect(agent).not.toContain('/handovers');
    expect(agent).not.toContain('/customer-imports');
    const detail = toMenuData(appRoutes, roleAccess('agent'), echo).find((item) => item.path === '/customers/:id');
    expect(detail?.hideInMenu).toBe(true);
  });

  it('gives everyone the notification centre and preferences, notifications.manage the delivery pages', () => {
    const agent = toMenuData(appRoutes, roleAccess('agent'), echo);
    expect(paths(agent)).toEqual(expect.arrayContaining(['/notifications', '/account/notifications']));
    expect(agent.find((item) => item.path === '/notifications')?.hideInMenu).toBe(true);
    expect(paths(agent)).not.toContain('/admin/notification-channels');
    expect(paths(agent)).not.toContain('/admin/notification-deliveries');
    expect(paths(toMenuData(appRoutes, accessOf('notifications.manage'), echo))).toEqual(
      expect.arrayContaining([
        '/admin/notification-channels',
        '/admin/notification-templates',
        '/admin/notification-deliveries',
      ]),
    );
  });
});

describe('robots and webhooks pages', () => {
  it('gives robots to notifications.manage, webhooks and inbound sources to webhooks.manage', () => {
    const notifications = paths(toMenuData(appRoutes, accessOf('notifications.manage'), echo));
    expect(notifications).toContain('/admin/robots');
    expect(notifications).not.toContain('/admin/webhooks');
    const webhooks = paths(toMenuData(appRoutes, accessOf('webhooks.manage'), echo));
    expect(webhooks).toEqual(expect.arrayContaining(['/admin/webhooks', '/admin/inbound-sources']));
    expect(webhooks).not.toContain('/admin/robots');
    expect(paths(toMenuData(appRoutes, roleAccess('supervisor'), echo))).not.toContain('/admin/robots');
  });
});

describe('route lookups', () => {
  it('finds the first page of a group the user may open', () => {
    const admin = fixture[1] as AppRoute;
    expect(firstAccessiblePath(admin, accessOf('jobs.read'))).toBe('/admin/jobs');
    expect(firstAccessiblePath(admin, accessOf())).toBeUndefined();
  });

  it('finds a route by exact path', () => {
    expect(findRoute(appRoutes, '/admin/roles')?.access).toBe('roles.read');
    expect(findRoute(appRoutes, '/nope')).toBeUndefined();
  });

  it('declares a menu name for every route', () => {
    const missing = (routes: AppRoute[]): string[] =>
      routes.flatMap((r) => [...(r.nameKey ? [] : [r.path]), ...missing(r.children ?? [])]);
    expect(missing(appRoutes)).toEqual([]);
  });
});
