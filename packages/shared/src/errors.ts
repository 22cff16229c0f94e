import type { Locale } from './locales.js';

/**
 * Stable error codes. The server answers them in `application/problem+json` bodies and the web
 * shows the localized message; both languages are required by the type below.
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'route_not_found',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'rate_limited',
  'conflict',
  'internal',
  'database_unavailable',
  'auth.invalid_credentials',
  'auth.account_locked',
  'auth.account_disabled',
  'auth.wrong_password',
  'auth.password_too_weak',
  'auth.token_not_found',
  'users.username_taken',
  'users.not_found',
  'users.superior_cycle',
  'users.cannot_disable_self',
  'departments.not_found',
  'departments.parent_cycle',
  'departments.not_empty',
  'roles.not_found',
  'roles.key_taken',
  'roles.system_role',
  'roles.in_use',
  'jobs.not_found',
  'customers.not_found',
  'customers.key_needs_two_staff',
  'customers.possible_duplicate',
  'customers.category_not_found',
  'customers.owner_not_found',
  'customers.custom_field_invalid',
  'customers.custom_field_required',
  'customers.contact_not_found',
  'customers.milestone_type_not_found',
  'customers.milestone_not_found',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const zhCN: Record<ErrorCode, string> = {
  validation_failed: '提交的数据有误，请检查标出的字段。',
  invalid_json: '请求内容不是有效的 JSON。',
  payload_too_large: '请求内容过大（上限 {limit}）。',
  unsupported_media_type: '不支持的内容类型：{type}。',
  not_found: '找不到该记录，或您无权查看。',
  route_not_found: '接口不存在：{method} {url}',
  unauthenticated: '请先登录。',
  forbidden: '您没有执行此操作的权限（需要：{permission}）。',
  csrf_failed: '安全校验失败，请刷新页面后重试。',
  rate_limited: '操作过于频繁，请 {retryAfter} 秒后再试。',
  conflict: '该记录已被他人修改，请刷新后重试。',
  internal: '服务器内部错误，请稍后重试。（请求编号 {requestId}）',
  database_unavailable: '数据库暂时不可用，请稍后重试。',
  'auth.invalid_credentials': '用户名或密码错误。',
  'auth.account_locked': '登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试。',
  'auth.account_disabled': '该账号已停用，请联系管理员。',
  'auth.wrong_password': '当前密码不正确。',
  'auth.password_too_weak': '密码至少 {min} 位，且须同时包含字母和数字。',
  'auth.token_not_found': '找不到该 API 令牌。',
  'users.username_taken': '用户名“{username}”已被使用。',
  'users.not_found': '找不到该用户，或不在您的数据范围内。',
  'users.superior_cycle': '直属上级不能是本人或本人的下属。',
  'users.cannot_disable_self': '不能停用自己的账号。',
  'departments.not_found': '找不到该部门。',
  'departments.parent_cycle': '上级部门不能是本部门或其下级部门。',
  'departments.not_empty': '部门下仍有下级部门或人员，不能删除。',
  'roles.not_found': '找不到该角色。',
  'roles.key_taken': '角色标识“{key}”已存在。',
  'roles.system_role': '内置角色不能删除。',
  'roles.in_use': '仍有 {count} 位用户使用该角色，不能删除。',
  'jobs.not_found': '找不到该任务。',
  'customers.not_found': '找不到该客户，或不在您的数据范围内。',
  'customers.key_needs_two_staff': '重点客户至少需要两名对接人员（当前 {count} 名）。',
  'customers.possible_duplicate': '可能与已有客户重复（{codes}）。确认不是同一客户后可继续保存。',
  'customers.category_not_found': '客户类别“{key}”不存在或已停用。',
  'customers.owner_not_found': '专属客服经理不存在或已停用。',
  'customers.custom_field_invalid': '自定义字段“{field}”的值无效：{reason}。',
  'customers.custom_field_required': '自定义字段“{field}”为必填项。',
  'customers.contact_not_found': '找不到该联系人。',
  'customers.milestone_type_not_found': '里程碑类型“{key}”不存在或已停用。',
  'customers.milestone_not_found': '找不到该里程碑。',
};

const en: Record<ErrorCode, string> = {
  validation_failed: 'Some fields are invalid; please check the marked fields.',
  invalid_json: 'The request body is not valid JSON.',
  payload_too_large: 'The request body is too large (limit {limit}).',
  unsupported_media_type: 'Unsupported content type: {type}.',
  not_found: 'The record was not found, or you may not see it.',
  route_not_found: 'No such endpoint: {method} {url}',
  unauthenticated: 'Please sign in first.',
  forbidden: 'You do not have permission to do this (requires: {permission}).',
  csrf_failed: 'Security check failed; please reload the page and try again.',
  rate_limited: 'Too many requests; please try again in {retryAfter} seconds.',
  conflict: 'Someone else changed this record; please reload and try again.',
  internal: 'Internal server error; please try again later. (request {requestId})',
  database_unavailable: 'The database is temporarily unavailable; please try again shortly.',
  'auth.invalid_credentials': 'Wrong username or password.',
  'auth.account_locked': 'Too many failed sign-ins; the account is locked for {minutes} minutes.',
  'auth.account_disabled': 'This account is disabled; please contact an administrator.',
  'auth.wrong_password': 'The current password is wrong.',
  'auth.password_too_weak': 'The password needs at least {min} characters with letters and digits.',
  'auth.token_not_found': 'API token not found.',
  'users.username_taken': 'The username “{username}” is already taken.',
  'users.not_found': 'User not found, or outside your data scope.',
  'users.superior_cycle': 'The direct superior cannot be the user or one of their subordinates.',
  'users.cannot_disable_self': 'You cannot disable your own account.',
  'departments.not_found': 'Department not found.',
  'departments.parent_cycle': 'The parent department cannot be this department or one below it.',
  'departments.not_empty': 'The department still has sub-departments or members and cannot be deleted.',
  'roles.not_found': 'Role not found.',
  'roles.key_taken': 'The role key “{key}” already exists.',
  'roles.system_role': 'Built-in roles cannot be deleted.',
  'roles.in_use': '{count} users still have this role; it cannot be deleted.',
  'jobs.not_found': 'Job not found.',
  'customers.not_found': 'Customer not found, or outside your data scope.',
  'customers.key_needs_two_staff': 'A key customer needs at least two staff contacts (now {count}).',
  'customers.possible_duplicate': 'This may duplicate existing customers ({codes}). Save anyway if it is a different customer.',
  'customers.category_not_found': 'Customer category “{key}” does not exist or is disabled.',
  'customers.owner_not_found': 'The account manager does not exist or is disabled.',
  'customers.custom_field_invalid': 'Custom field “{field}” has an invalid value: {reason}.',
  'customers.custom_field_required': 'Custom field “{field}” is required.',
  'customers.contact_not_found': 'Contact not found.',
  'customers.milestone_type_not_found': 'Milestone type “{key}” does not exist or is disabled.',
  'customers.milestone_not_found': 'Milestone not found.',
};

export const ERROR_MESSAGES: Record<Locale, Record<ErrorCode, string>> = { 'zh-CN': zhCN, en };

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, unknown>): string {
  return formatMessage(ERROR_MESSAGES[locale][code], params);
}

/** The body of every error response (RFC 9457 problem details, with Kefu's extensions). */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  params?: Record<string, unknown>;
  errors?: { path: string; message: string }[];
  requestId?: string;
};
