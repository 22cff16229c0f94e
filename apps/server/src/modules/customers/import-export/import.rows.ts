import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import { type FieldDefinition, normaliseCustomFields } from '../archive/custom-fields.js';
import type { CustomerInsert } from '../archive/customers.repository.js';
import { normalisePhone } from '../archive/customers.rules.js';
import { PHONE_PATTERN } from '../archive/customers.schemas.js';
import { GRADES, type Grade } from '../customers.tables.js';
import type { ImportMapping } from './import.fields.js';
import type { RowReason } from './import.messages.js';
import type { ImportRowIssue } from './imports.tables.js';

/** Reference data a row is checked against, loaded once per import (users: per batch, cached). */
export type RowLookups = {
  definitions: FieldDefinition[];
  /** Category key, Chinese name and English name (lower case) → key; active categories only. */
  categories: Map<string, string>;
  /** Username or unambiguous display name → active user id; `null` when there is no such user. */
  users: Map<string, string | null>;
  importerId: string;
};

export type ImportedCustomer = CustomerInsert & { backupId: string | null };
export type RowResult = { ok: true; customer: ImportedCustomer } | { ok: false; issues: ImportRowIssue[] };

const email = z.email().max(254);
const TEXT_LIMITS = {
  name: 200,
  legalRepresentative: 64,
  address: 300,
  wechat: 64,
  region: 64,
  businessScope: 2000,
  notes: 5000,
} as const;
const KINDS: Record<string, 'company' | 'person'> = {
  公司: 'company',
  企业: 'company',
  单位: 'company',
  机构: 'company',
  company: 'company',
  enterprise: 'company',
  organisation: 'company',
  organization: 'company',
  个人: 'person',
  自然人: 'person',
  person: 'person',
  individual: 'person',
};
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '重点']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

/** `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日` → `2024-03-05`; anything else (or 2023-02-30) → null. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** `1,000,000`, `¥500,000.00`, `500万`, `500万元`, `1.2亿` → a number; otherwise null. */
export function parseAmount(value: string): number | null {
  const m = /^[¥￥]?\s*([\d,，]*\.?\d+)\s*(万|亿)?\s*元?$/.exec(value.replace(/\s/g, ''));
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/[,，]/g, '')) * (m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

/** Select values may be given as the option's value or its label in either language. */
function customValue(field: FieldDefinition, raw: string): unknown {
  const option = (v: string) => {
    const lower = v.toLowerCase();
    return field.options.find((o) => o.value === v || o.label === v || o.labelEn?.toLowerCase() === lower)?.value ?? v;
  };
  switch (field.type) {
    case 'select':
      return option(raw);
    case 'multi_select':
      return raw
        .split(/[,，;；、]/)
        .map((v) => v.trim())
        .filter(Boolean)
        .map(option);
    case 'date':
      return parseDate(raw) ?? raw;
    default:
      return raw;
  }
}

/** A value quoted in a row problem: kept short, as the report is stored and sent to the browser. */
const QUOTED_CHARS = 100;
const clipped = (params: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && v.length > QUOTED_CHARS ? `${v.slice(0, QUOTED_CHARS - 1)}…` : v,
    ]),
  );

/**
 * Checks and converts one data row with the same rules as the customer form, and reports every
 * problem of the row (not just the first), each with its field.
 */
export function convertRow(cells: string[], row: number, mapping: ImportMapping, lookups: RowLookups): RowResult {
  const issues: ImportRowIssue[] = [];
  const issue = (field: string, reason: RowReason, params?: Record<string, unknown>) => {
    issues.push({ row, field, reason, ...(params ? { params: clipped(params) } : {}) });
  };
  const cell = (field: string): string => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const text = (field: keyof typeof TEXT_LIMITS): string | null => {
    const value = cell(field);
    if (value.length > TEXT_LIMITS[field]) issue(field, 'too_long', { max: TEXT_LIMITS[field] });
    return value || null;
  };
  const phoneLike = (field: 'phone' | 'fax'): string | null => {
    const value = cell(field);
    if (value && (value.length > 32 || !PHONE_PATTERN.test(value))) issue(field, 'invalid_phone', { value });
    return value || null;
  };
  const user = (field: 'owner' | 'backup'): string | null => {
    const value = cell(field);
    if (!value) return null;
    const id = lookups.users.get(value) ?? null;
    if (!id) issue(field, 'unknown_user', { value });
    return id;
  };

  const name = text('name');
  if (!name) issue('name', 'required');
  const kindText = cell('kind');
  const kind = kindText ? KINDS[kindText.toLowerCase()] : 'company';
  if (!kind) issue('kind', 'invalid_kind', { value: kindText });
  const postalCode = cell('postalCode') || null;
  if (postalCode && !/^\d{6}$/.test(postalCode)) issue('postalCode', 'invalid_postal_code', { value: postalCode });
  const emailText = cell('email') || null;
  if (emailText && !email.safeParse(emailText).success) issue('email', 'invalid_email', { value: emailText });
  const capitalText = cell('registeredCapital');
  const capital = capitalText ? parseAmount(capitalText) : null;
  if (capitalText && (capital === null || capital < 0 || capital > 1e13))
    issue('registeredCapital', 'invalid_number', { value: capitalText });
  const birthdayText = cell('birthday');
  const birthday = birthdayText ? parseDate(birthdayText) : null;
  if (birthdayText && !birthday) issue('birthday', 'invalid_date', { value: birthdayText });
  const categoryText = cell('categoryKey');
  const categoryKey = categoryText ? (lookups.categories.get(categoryText.toLowerCase()) ?? null) : null;
  if (categoryText && !categoryKey) issue('categoryKey', 'unknown_category', { value: categoryText });
  const gradeText = cell('grade');
  const gradeMatch = /^([abcd])\s*[级类]?$/i.exec(gradeText)?.[1]?.toUpperCase();
  const grade = gradeMatch && (GRADES as readonly string[]).includes(gradeMatch) ? (gradeMatch as Grade) : null;
  if (gradeText && !grade) issue('grade', 'invalid_grade', { value: gradeText });
  const keyText = cell('isKey').toLowerCase();
  if (!YES.has(keyText) && !NO.has(keyText)) issue('isKey', 'invalid_boolean', { value: cell('isKey') });
  const isKey = YES.has(keyText);
  const ownerId = user('owner') ?? (cell('owner') ? null : lookups.importerId);
  const backupId = user('backup');
  if ((isKey || grade === 'A') && (!backupId || backupId === ownerId)) issue('backup', 'key_needs_two_staff');

  const customFields: Record<string, unknown> = {};
  for (const field of lookups.definitions) {
    const path = `customFields.${field.key}`;
    const raw = cell(path);
    if (!raw) {
      if (field.isRequired && mapping[path] !== undefined) issue(path, 'custom_field_required');
      continue;
    }
    try {
      Object.assign(
        customFields,
        normaliseCustomFields(lookups.definitions, { [field.key]: customValue(field, raw) }, { requireAll: false }),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      issue(path, 'custom_field_invalid', { value: raw, reason: String(error.params.reason ?? '') });
    }
  }

  const values = {
    legalRepresentative: text('legalRepresentative'),
    address: text('address'),
    phone: phoneLike('phone'),
    fax: phoneLike('fax'),
    wechat: text('wechat'),
    region: text('region'),
    businessScope: text('businessScope'),
    notes: text('notes'),
  };
  if (issues.length > 0 || !name || !kind) return { ok: false, issues };
  return {
    ok: true,
    customer: {
      kind,
      name,
      ...values,
      postalCode,
      phoneNormalized: normalisePhone(values.phone),
      email: emailText,
      registeredCapital: capital === null ? null : capital.toFixed(2),
      birthday,
      categoryKey,
      grade,
      isKey,
      ownerId,
      customFields,
      createdBy: lookups.importerId,
      backupId,
    },
  };
}
