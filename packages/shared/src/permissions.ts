/**
 * Permission names and the built-in roles. Shared by the server (route guards, seed) and the web
 * (menu, access predicates). Roles live in the database and administrators may edit them; the
 * values below are the defaults seeded on first start.
 */
export const PERMISSIONS = [
  'users.read',
  'users.write',
  'departments.read',
  'departments.write',
  'roles.read',
  'roles.write',
  'audit.read',
  'audit.export',
  'jobs.read',
  'jobs.manage',
  'customers.read',
  'customers.write',
  'customers.export',
  'customers.import',
  'customers.evaluate',
  'customers.handover',
  'customers.merge',
  'customers.settings',
  'tickets.read',
  'tickets.write',
  'tickets.assign',
  'tickets.supervise',
  'tickets.settings',
  'phrases.read',
  'phrases.manage',
  'phrases.review',
  'calendars.manage',
  'sla.read',
  'sla.manage',
  'sla.escalate',
  'sla.report',
  'notifications.manage',
  'webhooks.manage',
  'callbacks.work',
  'callbacks.manage',
  'surveys.manage',
  'surveys.report',
  'calls.read',
  'calls.import',
  'calls.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What a route asks of its caller: nothing, a session or token, or a named permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export const DATA_SCOPES = ['own', 'team', 'department', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const ROLE_KEYS = [
  'admin',
  'general_manager',
  'department_manager',
  'supervisor',
  'assistant',
  'clerk',
  'front_desk',
  'agent',
  'callback_specialist',
  'field_engineer',
] as const;
export type BuiltInRoleKey = (typeof ROLE_KEYS)[number];

export type RoleDefault = {
  key: BuiltInRoleKey;
  name: { 'zh-CN': string; en: string };
  dataScope: DataScope;
  permissions: Permission[];
};

const ALL = [...PERMISSIONS];
/** Record, work on and reply to tickets. */
const TICKET_WORK: Permission[] = ['tickets.read', 'tickets.write', 'sla.read'];
/** Besides: assign to others, close complaints, reopen, merge. */
const TICKET_SUPERVISION: Permission[] = [...TICKET_WORK, 'tickets.assign', 'tickets.supervise'];
/** Standard phrases, canned replies and the forbidden-phrase list, read while replying. */
const PHRASE_USE: Permission[] = ['phrases.read'];
/** Besides: review replies sent despite forbidden phrases. */
const PHRASE_REVIEW: Permission[] = [...PHRASE_USE, 'phrases.review'];
/** Time limits: escalate by hand (a skip needs a reason) and read the SLA report. */
const SLA_SUPERVISION: Permission[] = ['sla.escalate', 'sla.report'];
/** Work one's own callbacks; besides: plans, campaigns, distribution, and the survey results. */
const CALLBACK_MANAGEMENT: Permission[] = ['callbacks.work', 'callbacks.manage', 'surveys.report'];
/** Call records, KPIs, wall board and staffing; besides: upload call files, KPI targets, agent mapping, webhook. */
const CALL_MANAGEMENT: Permission[] = ['calls.read', 'calls.import', 'calls.manage'];
const CUSTOMER_MANAGEMENT: Permission[] = [
  'customers.read',
  'customers.write',
  'customers.export',
  'customers.import',
  'customers.evaluate',
  'customers.handover',
  'customers.merge',
];

export const DEFAULT_ROLES: RoleDefault[] = [
  { key: 'admin', name: { 'zh-CN': '系统管理员', en: 'Administrator' }, dataScope: 'all', permissions: ALL },
  {
    key: 'general_manager',
    name: { 'zh-CN': '总经理', en: 'General manager' },
    dataScope: 'all',
    permissions: [
      'users.read',
      'departments.read',
      'roles.read',
      'audit.read',
      'customers.read',
      'customers.export',
      'tickets.read',
      'sla.read',
      'sla.report',
      'surveys.report',
      'calls.read',
    ],
  },
  {
    key: 'department_manager',
    name: { 'zh-CN': '部门经理', en: 'Department manager' },
    dataScope: 'department',
    permissions: [
      'users.read',
      'departments.read',
      'roles.read',
      'audit.read',
      ...CUSTOMER_MANAGEMENT,
      ...TICKET_SUPERVISION,
      ...PHRASE_REVIEW,
      ...SLA_SUPERVISION,
      ...CALLBACK_MANAGEMENT,
      'surveys.manage',
      ...CALL_MANAGEMENT,
    ],
  },
  {
    key: 'supervisor',
    name: { 'zh-CN': '主管', en: 'Supervisor' },
    dataScope: 'team',
    permissions: [
      'users.read',
      'departments.read',
      'customers.read',
      'customers.write',
      'customers.export',
      'customers.evaluate',
      // A supervisor hands over a leaving team member's customers (within the team data scope).
      'customers.handover',
      ...TICKET_SUPERVISION,
      ...PHRASE_REVIEW,
      ...SLA_SUPERVISION,
      ...CALLBACK_MANAGEMENT,
      ...CALL_MANAGEMENT,
    ],
  },
  {
    key: 'assistant',
    name: { 'zh-CN': '助理', en: 'Assistant' },
    dataScope: 'department',
    permissions: [
      'users.read',
      'departments.read',
      'customers.read',
      'customers.write',
      'customers.import',
      'customers.export',
      ...TICKET_WORK,
      ...PHRASE_USE,
    ],
  },
  {
    key: 'clerk',
    name: { 'zh-CN': '文员', en: 'Clerk' },
    dataScope: 'own',
    permissions: ['departments.read', 'customers.read', 'tickets.read'],
  },
  {
    key: 'front_desk',
    name: { 'zh-CN': '前台', en: 'Front desk' },
    dataScope: 'own',
    permissions: ['departments.read', 'customers.read', 'customers.write', ...TICKET_WORK, ...PHRASE_USE],
  },
  {
    key: 'agent',
    name: { 'zh-CN': '客服专员', en: 'Agent' },
    dataScope: 'own',
    permissions: [
      'departments.read',
      'customers.read',
      'customers.write',
      ...TICKET_WORK,
      ...PHRASE_USE,
      'callbacks.work',
    ],
  },
  {
    key: 'callback_specialist',
    name: { 'zh-CN': '回访专员', en: 'Callback specialist' },
    dataScope: 'own',
    permissions: [
      'departments.read',
      'customers.read',
      ...TICKET_WORK,
      ...PHRASE_USE,
      'callbacks.work',
      'surveys.report',
    ],
  },
  {
    key: 'field_engineer',
    name: { 'zh-CN': '现场工程师', en: 'Field engineer' },
    dataScope: 'own',
    permissions: ['departments.read', 'customers.read', ...TICKET_WORK, ...PHRASE_USE],
  },
];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
