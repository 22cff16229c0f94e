/** Form values ↔ request bodies of the customer forms. Pure, unit-tested. */
import type { ContactBody, CreateCustomerBody, Customer, UpdateCustomerBody } from '../../../api/types';

export type ContactValues = Partial<
  Record<'name' | 'title' | 'phone' | 'mobile' | 'email' | 'wechat' | 'notes', string>
> & {
  birthday?: string;
  isPrimary?: boolean;
};

export type CustomerFormValues = {
  kind: 'company' | 'person';
  name: string;
  legalRepresentative?: string;
  address?: string;
  postalCode?: string;
  phone?: string;
  fax?: string;
  email?: string;
  wechat?: string;
  region?: string;
  businessScope?: string;
  registeredCapital?: number | null;
  birthday?: string | null;
  categoryKey?: string | null;
  grade?: Customer['grade'];
  isKey?: boolean;
  ownerId?: string | null;
  backupId?: string | null;
  customFields?: Record<string, unknown>;
  notes?: string;
  contacts?: ContactValues[];
};

const TEXT_FIELDS = [
  'legalRepresentative',
  'address',
  'postalCode',
  'phone',
  'fax',
  'email',
  'wechat',
  'region',
  'businessScope',
  'notes',
] as const;

/** Trimmed text, or null when blank (the API clears a field with null). */
export const blankToNull = (value: string | null | undefined) => value?.trim() || null;

const COMPANY_ONLY = new Set(['legalRepresentative', 'fax', 'businessScope', 'registeredCapital']);

export function toCustomFields(values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'string') out[key] = value.trim() || null;
    else if (Array.isArray(value)) out[key] = value.length > 0 ? value : null;
    else out[key] = value;
  }
  return out;
}

export function toContactBody(values: ContactValues): ContactBody {
  return {
    name: (values.name ?? '').trim(),
    title: blankToNull(values.title),
    phone: blankToNull(values.phone),
    mobile: blankToNull(values.mobile),
    email: blankToNull(values.email),
    wechat: blankToNull(values.wechat),
    birthday: values.birthday || null,
    isPrimary: values.isPrimary ?? false,
    notes: blankToNull(values.notes),
  };
}

/** The fields both forms share; company-only fields are cleared for a person. */
function fieldsOf(values: CustomerFormValues) {
  const isCompany = values.kind === 'company';
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((f) => [f, isCompany || !COMPANY_ONLY.has(f) ? blankToNull(values[f]) : null]),
  ) as Record<(typeof TEXT_FIELDS)[number], string | null>;
  return {
    kind: values.kind,
    name: values.name.trim(),
    ...texts,
    registeredCapital: isCompany ? (values.registeredCapital ?? null) : null,
    birthday: isCompany ? null : values.birthday || null,
    categoryKey: values.categoryKey ?? null,
    grade: values.grade ?? null,
    isKey: values.isKey ?? false,
    customFields: toCustomFields(values.customFields),
  };
}

export function toCreateBody(values: CustomerFormValues, ignoreDuplicates = false): CreateCustomerBody {
  const contacts = values.kind === 'company' ? (values.contacts ?? []).filter((c) => c.name?.trim()) : [];
  const body: CreateCustomerBody = {
    ...fieldsOf(values),
    ownerId: values.ownerId ?? undefined,
    contacts: contacts.map((c, i) => ({ ...toContactBody(c), isPrimary: c.isPrimary ?? i === 0 })),
    staff:
      values.backupId && values.backupId !== values.ownerId ? [{ userId: values.backupId, role: 'backup' }] : undefined,
  };
  if (ignoreDuplicates) body.ignoreDuplicates = true;
  return body;
}

export function toUpdateBody(values: CustomerFormValues, version: number): UpdateCustomerBody {
  return { ...fieldsOf(values), ownerId: values.ownerId ?? null, version };
}

/** A customer as edit-form values. */
export function toFormValues(customer: Customer): CustomerFormValues {
  const text = (v: string | null) => v ?? undefined;
  return {
    kind: customer.kind,
    name: customer.name,
    legalRepresentative: text(customer.legalRepresentative),
    address: text(customer.address),
    postalCode: text(customer.postalCode),
    phone: text(customer.phone),
    fax: text(customer.fax),
    email: text(customer.email),
    wechat: text(customer.wechat),
    region: text(customer.region),
    businessScope: text(customer.businessScope),
    registeredCapital: customer.registeredCapital,
    birthday: customer.birthday,
    categoryKey: customer.categoryKey,
    grade: customer.grade,
    isKey: customer.isKey,
    ownerId: customer.ownerId,
    customFields: customer.customFields,
    notes: text(customer.notes),
  };
}
