/**
 * Routes AS DATA (Ant Design Pro's config/routes.ts): one list drives the router (router.tsx), the
 * ProLayout menu and breadcrumbs (layouts/menu.ts) and the access guards (RequireAccess).
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  ContactsOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  MessageOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { RouteAccess } from '@kefu/shared';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type menu from './locales/zh-CN/menu.json';

export type MenuKey = keyof typeof menu;

export type AppRoute = {
  /** Absolute path; a child's path starts with its parent's. */
  path: string;
  /** Key in the `menu` namespace: menu entry, breadcrumb and page title. */
  nameKey?: MenuKey;
  icon?: ReactNode;
  /** Omitted = any signed-in user. A permission the user lacks renders the 403 page. */
  access?: RouteAccess;
  element?: LazyExoticComponent<ComponentType>;
  children?: AppRoute[];
  /** Routable and shown in breadcrumbs, but not in the side menu. */
  hideInMenu?: boolean;
};

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export const LoginPage = page(() => import('./modules/auth/LoginPage'), 'LoginPage');

export const appRoutes: AppRoute[] = [
  {
    path: '/',
    nameKey: 'home',
    icon: <HomeOutlined />,
    element: page(() => import('./modules/home/HomePage'), 'HomePage'),
  },
  // Tickets: /tickets opens the queue (the group's first page); a new ticket and a ticket's page
  // stay out of the menu.
  {
    path: '/tickets',
    nameKey: 'ticketsGroup',
    icon: <CustomerServiceOutlined />,
    access: 'tickets.read',
    children: [
      {
        path: '/tickets/queue',
        nameKey: 'tickets',
        icon: <ProfileOutlined />,
        access: 'tickets.read',
        element: page(() => import('./modules/tickets/TicketsPage'), 'TicketsPage'),
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
        icon: <SolutionOutlined />,
        access: 'tickets.assign',
        element: page(() => import('./modules/agents/AgentsPage'), 'AgentsPage'),
      },
      {
        path: '/tickets/measures',
        nameKey: 'improvementMeasures',
        icon: <CheckSquareOutlined />,
        access: 'tickets.read',
        element: page(() => import('./modules/improvement-measures/MeasuresPage'), 'MeasuresPage'),
      },
      {
        path: '/tickets/reports',
        nameKey: 'ticketReports',
        icon: <BarChartOutlined />,
        access: 'tickets.read',
        element: page(() => import('./modules/ticket-reports/RootCauseReportPage'), 'RootCauseReportPage'),
      },
      // Read by all who read tickets (forms need them); tickets.settings edits.
      {
        path: '/tickets/settings',
        nameKey: 'ticketSettings',
        icon: <ToolOutlined />,
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
    icon: <ContactsOutlined />,
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
    icon: <TrophyOutlined />,
    access: 'customers.evaluate',
    element: page(() => import('./modules/customers/EvaluationRoundsPage'), 'EvaluationRoundsPage'),
  },
  {
    path: '/handovers',
    nameKey: 'handover',
    icon: <SwapOutlined />,
    access: 'customers.handover',
    element: page(() => import('./modules/handover/HandoverPage'), 'HandoverPage'),
  },
  {
    path: '/customer-imports',
    nameKey: 'customerImport',
    icon: <ImportOutlined />,
    access: 'customers.import',
    element: page(() => import('./modules/customers/ImportPage'), 'ImportPage'),
  },
  // Service standards: the phrase library, canned replies and forbidden phrases are open to everyone
  // who replies (editing needs phrases.manage); the review of overrides is for supervisors.
  {
    path: '/service-standards',
    nameKey: 'serviceStandards',
    icon: <BookOutlined />,
    access: 'phrases.read',
    children: [
      {
        path: '/service-standards/phrases',
        nameKey: 'servicePhrases',
        icon: <MessageOutlined />,
        access: 'phrases.read',
        element: page(() => import('./modules/phrases/ServicePhrasesPage'), 'ServicePhrasesPage'),
      },
      {
        path: '/service-standards/canned-replies',
        nameKey: 'cannedReplies',
        icon: <CommentOutlined />,
        access: 'phrases.read',
        element: page(() => import('./modules/phrases/CannedRepliesPage'), 'CannedRepliesPage'),
      },
      {
        path: '/service-standards/forbidden-phrases',
        nameKey: 'forbiddenPhrases',
        icon: <StopOutlined />,
        access: 'phrases.read',
        element: page(() => import('./modules/phrases/ForbiddenPhrasesPage'), 'ForbiddenPhrasesPage'),
      },
      {
        path: '/service-standards/overrides',
        nameKey: 'forbiddenOverrides',
        icon: <SafetyCertificateOutlined />,
        access: 'phrases.review',
        element: page(() => import('./modules/phrases/OverridesPage'), 'OverridesPage'),
      },
    ],
  },
  {
    path: '/admin',
    nameKey: 'admin',
    icon: <SettingOutlined />,
    children: [
      {
        path: '/admin/users',
        nameKey: 'users',
        icon: <TeamOutlined />,
        access: 'users.read',
        element: page(() => import('./modules/users/UsersPage'), 'UsersPage'),
      },
      {
        path: '/admin/departments',
        nameKey: 'departments',
        icon: <ApartmentOutlined />,
        access: 'departments.read',
        element: page(() => import('./modules/departments/DepartmentsPage'), 'DepartmentsPage'),
      },
      {
        path: '/admin/roles',
        nameKey: 'roles',
        icon: <UserSwitchOutlined />,
        access: 'roles.read',
        element: page(() => import('./modules/roles/RolesPage'), 'RolesPage'),
      },
      {
        path: '/admin/customer-settings',
        nameKey: 'customerSettings',
        icon: <ControlOutlined />,
        access: 'customers.settings',
        element: page(() => import('./modules/customers/settings/CustomerSettingsPage'), 'CustomerSettingsPage'),
      },
      {
        path: '/admin/audit',
        nameKey: 'audit',
        icon: <AuditOutlined />,
        access: 'audit.read',
        element: page(() => import('./modules/audit/AuditPage'), 'AuditPage'),
      },
      {
        path: '/admin/jobs',
        nameKey: 'jobs',
        icon: <ScheduleOutlined />,
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
        icon: <UserOutlined />,
        element: page(() => import('./modules/auth/ProfilePage'), 'ProfilePage'),
      },
      {
        path: '/account/tokens',
        nameKey: 'tokens',
        icon: <KeyOutlined />,
        element: page(() => import('./modules/auth/ApiTokensPage'), 'ApiTokensPage'),
      },
    ],
  },
];
