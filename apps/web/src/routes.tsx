/**
 * Routes AS DATA (Ant Design Pro's config/routes.ts): one list drives the router (router.tsx), the
 * ProLayout menu and breadcrumbs (layouts/menu.ts) and the access guards (RequireAccess).
 *
 * This list is in the entry chunk (the router needs it), so it holds only data and lazy pages:
 * every page is its own chunk, and the menu's icons are in layouts/menuIcons.tsx (by `nameKey`).
 */
import type { RouteAccess } from '@kefu/shared';
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type menu from './locales/zh-CN/menu.json';

export type MenuKey = keyof typeof menu;

export type AppRoute = {
  /** Absolute path; a child's path starts with its parent's. */
  path: string;
  /** Key in the `menu` namespace: menu entry, breadcrumb and page title. */
  nameKey?: MenuKey;
  /** Omitted = any signed-in user. A permission the user lacks renders the 403 page. */
  access?: RouteAccess;
  element?: LazyPage;
  /**
   * Data the page asks for on its first render, started when the route is entered (router.tsx:
   * beside the page's chunk, once the user is known), so the page's requests do not wait for the
   * shell's and the page's chunks. Keep it in the page's module and import it lazily here.
   */
  prefetch?: (queryClient: QueryClient, url: URL) => Promise<unknown>;
  children?: AppRoute[];
  /** Routable and shown in breadcrumbs, but not in the side menu. */
  hideInMenu?: boolean;
};

/** A page in its own chunk; `preload` fetches the chunk before the page renders (router.tsx). */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: module[name] }))),
    { preload: load },
  );
}

export const LoginPage = page(() => import('./modules/auth/LoginPage'), 'LoginPage');

export const appRoutes: AppRoute[] = [
  {
    path: '/',
    nameKey: 'home',
    element: page(() => import('./modules/home/HomePage'), 'HomePage'),
  },
  // Tickets: /tickets opens the queue (the group's first page); a new ticket and a ticket's page
  // stay out of the menu.
  {
    path: '/tickets',
    nameKey: 'ticketsGroup',
    access: 'tickets.read',
    children: [
      {
        path: '/tickets/queue',
        nameKey: 'tickets',
        access: 'tickets.read',
        element: page(() => import('./modules/tickets/TicketsPage'), 'TicketsPage'),
        prefetch: (queryClient, url) =>
          import('./modules/tickets/prefetch').then((m) => m.prefetchQueue(queryClient, url)),
      },
      {
        path: '/tickets/new',
        nameKey: 'ticketNew',
        access: 'tickets.write',
        hideInMenu: true,
        element: page(() => import('./modules/tickets/NewTicketPage'), 'NewTicketPage'),
      },
      // Supervisors' availability board; every agent also switches their own status in the header.
      {
        path: '/tickets/agents',
        nameKey: 'ticketAgents',
        access: 'tickets.assign',
        element: page(() => import('./modules/agents/AgentsPage'), 'AgentsPage'),
      },
      {
        path: '/tickets/measures',
        nameKey: 'improvementMeasures',
        access: 'tickets.read',
        element: page(() => import('./modules/improvement-measures/MeasuresPage'), 'MeasuresPage'),
      },
      {
        path: '/tickets/reports',
        nameKey: 'ticketReports',
        access: 'tickets.read',
        element: page(() => import('./modules/ticket-reports/RootCauseReportPage'), 'RootCauseReportPage'),
      },
      // Read by all who read tickets (forms need them); tickets.settings edits.
      {
        path: '/tickets/settings',
        nameKey: 'ticketSettings',
        access: 'tickets.read',
        element: page(() => import('./modules/ticket-settings/TicketSettingsPage'), 'TicketSettingsPage'),
      },
      // Last: ProLayout titles a page after the first route pattern that matches its path.
      {
        path: '/tickets/:id',
        nameKey: 'ticket',
        access: 'tickets.read',
        hideInMenu: true,
        element: page(() => import('./modules/tickets/TicketPage'), 'TicketPage'),
      },
    ],
  },
  // Customer archive. The list and the file are siblings (a route with an element has no outlet);
  // the file is reachable from the list only, so it stays out of the menu.
  {
    path: '/customers',
    nameKey: 'customers',
    access: 'customers.read',
    element: page(() => import('./modules/customers/CustomersPage'), 'CustomersPage'),
  },
  {
    path: '/customers/:id',
    nameKey: 'customer',
    access: 'customers.read',
    hideInMenu: true,
    element: page(() => import('./modules/customers/CustomerPage'), 'CustomerPage'),
  },
  {
    path: '/customer-grading',
    nameKey: 'customerGrading',
    access: 'customers.evaluate',
    element: page(() => import('./modules/customers/EvaluationRoundsPage'), 'EvaluationRoundsPage'),
  },
  {
    path: '/handovers',
    nameKey: 'handover',
    access: 'customers.handover',
    element: page(() => import('./modules/handover/HandoverPage'), 'HandoverPage'),
  },
  {
    path: '/customer-imports',
    nameKey: 'customerImport',
    access: 'customers.import',
    element: page(() => import('./modules/customers/ImportPage'), 'ImportPage'),
  },
  // Service standards: the phrase library, canned replies and forbidden phrases are open to everyone
  // who replies (editing needs phrases.manage); the review of overrides is for supervisors.
  {
    path: '/service-standards',
    nameKey: 'serviceStandards',
    access: 'phrases.read',
    children: [
      {
        path: '/service-standards/phrases',
        nameKey: 'servicePhrases',
        access: 'phrases.read',
        element: page(() => import('./modules/phrases/ServicePhrasesPage'), 'ServicePhrasesPage'),
      },
      {
        path: '/service-standards/canned-replies',
        nameKey: 'cannedReplies',
        access: 'phrases.read',
        element: page(() => import('./modules/phrases/CannedRepliesPage'), 'CannedRepliesPage'),
      },
      {
        path: '/service-standards/forbidden-phrases',
        nameKey: 'forbiddenPhrases',
        access: 'phrases.read',
        element: page(() => import('./modules/phrases/ForbiddenPhrasesPage'), 'ForbiddenPhrasesPage'),
      },
      {
        path: '/service-standards/overrides',
        nameKey: 'forbiddenOverrides',
        access: 'phrases.review',
        element: page(() => import('./modules/phrases/OverridesPage'), 'OverridesPage'),
      },
    ],
  },
  {
    path: '/admin',
    nameKey: 'admin',
    children: [
      {
        path: '/admin/users',
        nameKey: 'users',
        access: 'users.read',
        element: page(() => import('./modules/users/UsersPage'), 'UsersPage'),
      },
      {
        path: '/admin/departments',
        nameKey: 'departments',
        access: 'departments.read',
        element: page(() => import('./modules/departments/DepartmentsPage'), 'DepartmentsPage'),
      },
      {
        path: '/admin/roles',
        nameKey: 'roles',
        access: 'roles.read',
        element: page(() => import('./modules/roles/RolesPage'), 'RolesPage'),
      },
      {
        path: '/admin/customer-settings',
        nameKey: 'customerSettings',
        access: 'customers.settings',
        element: page(() => import('./modules/customers/settings/CustomerSettingsPage'), 'CustomerSettingsPage'),
      },
      {
        path: '/admin/audit',
        nameKey: 'audit',
        access: 'audit.read',
        element: page(() => import('./modules/audit/AuditPage'), 'AuditPage'),
      },
      {
        path: '/admin/jobs',
        nameKey: 'jobs',
        access: 'jobs.read',
        element: page(() => import('./modules/jobs/JobsPage'), 'JobsPage'),
      },
    ],
  },
  {
    path: '/account',
    nameKey: 'account',
    hideInMenu: true,
    children: [
      {
        path: '/account/profile',
        nameKey: 'profile',
        element: page(() => import('./modules/auth/ProfilePage'), 'ProfilePage'),
      },
      {
        path: '/account/tokens',
        nameKey: 'tokens',
        element: page(() => import('./modules/auth/ApiTokensPage'), 'ApiTokensPage'),
      },
    ],
  },
];
