import { isMessageKey, type Locale, type MessageParam, t } from '@kefu/shared';

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

/** Worded from the server catalog (`import.row.<reason>`, `label.contact_field.*`); an unknown reason reads as itself. */
export function rowMessage(reason: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const key = `import.row.${reason}`;
  if (!isMessageKey(key)) return reason;
  const fieldKey = `label.contact_field.${String(params.field)}`;
  const field = isMessageKey(fieldKey) ? { key: fieldKey } : (params.field as MessageParam);
  return t(locale, key, { ...(params as Record<string, MessageParam>), field });
}
