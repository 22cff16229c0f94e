import { formatMessage, type Locale } from '@kefu/shared';

/** Why a row of an import was refused or flagged; stored as a code, worded in the reader's language. */
export const ROW_REASONS = [
  'required',
  'too_long',
  'invalid_phone',
  'invalid_email',
  'invalid_postal_code',
  'invalid_date',
  'invalid_number',
  'invalid_kind',
  'invalid_grade',
  'invalid_boolean',
  'unknown_category',
  'unknown_user',
  'key_needs_two_staff',
  'custom_field_invalid',
  'custom_field_required',
  'duplicate_in_file',
  'duplicate_in_database',
  'duplicate_elsewhere',
] as const;
export type RowReason = (typeof ROW_REASONS)[number];

const MESSAGES: Record<Locale, Record<RowReason, string>> = {
  'zh-CN': {
    required: '必填项为空。',
    too_long: '内容过长（最多 {max} 个字符）。',
    invalid_phone: '“{value}”不是有效的电话号码。',
    invalid_email: '“{value}”不是有效的电子邮箱。',
    invalid_postal_code: '邮编应为 6 位数字（“{value}”）。',
    invalid_date: '“{value}”不是有效日期，请用 YYYY-MM-DD 格式。',
    invalid_number: '“{value}”不是有效的数字。',
    invalid_kind: '类型“{value}”无效，应为“公司”或“个人”。',
    invalid_grade: '等级“{value}”无效，应为 A、B、C 或 D。',
    invalid_boolean: '“{value}”无效，请填“是”或“否”。',
    unknown_category: '客户类别“{value}”不存在或已停用。',
    unknown_user: '用户“{value}”不存在或已停用（请填用户名）。',
    key_needs_two_staff: '重点客户至少需要两名对接人员：请在“协办客服”列填写第二位人员的用户名。',
    custom_field_invalid: '自定义字段取值无效（可选值：{reason}）。',
    custom_field_required: '自定义字段为必填项。',
    duplicate_in_file: '与文件第 {inFileRow} 行重复（{field}）。',
    duplicate_in_database: '与已有客户 {codes} 重复（{field}）。',
    duplicate_elsewhere: '与 {count} 位归属其他团队的客户重复（{field}），您无权查看；请联系 {contacts} 共享。',
  },
  en: {
    required: 'Required value is missing.',
    too_long: 'Too long (at most {max} characters).',
    invalid_phone: '“{value}” is not a valid phone number.',
    invalid_email: '“{value}” is not a valid e-mail address.',
    invalid_postal_code: 'The postal code must be 6 digits (“{value}”).',
    invalid_date: '“{value}” is not a valid date; use YYYY-MM-DD.',
    invalid_number: '“{value}” is not a valid number.',
    invalid_kind: 'Kind “{value}” is invalid; use company or person.',
    invalid_grade: 'Grade “{value}” is invalid; use A, B, C or D.',
    invalid_boolean: '“{value}” is invalid; use yes or no.',
    unknown_category: 'Customer category “{value}” does not exist or is disabled.',
    unknown_user: 'User “{value}” does not exist or is disabled (use the username).',
    key_needs_two_staff:
      'A key customer needs two staff contacts: put a second person’s username in the backup staff column.',
    custom_field_invalid: 'Invalid custom field value (allowed: {reason}).',
    custom_field_required: 'This custom field is required.',
    duplicate_in_file: 'Same {field} as row {inFileRow} of the file.',
    duplicate_in_database: 'Same {field} as existing customer {codes}.',
    duplicate_elsewhere:
      'Same {field} as {count} customer(s) owned by another team, which you may not see — ask {contacts} to share them.',
  },
};

const DUPLICATE_FIELDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { phone: '电话', email: '邮箱' },
  en: { phone: 'phone', email: 'e-mail' },
};

export function rowMessage(reason: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const template = MESSAGES[locale][reason as RowReason] ?? reason;
  const field =
    typeof params.field === 'string' ? (DUPLICATE_FIELDS[locale][params.field] ?? params.field) : params.field;
  return formatMessage(template, { ...params, field });
}
