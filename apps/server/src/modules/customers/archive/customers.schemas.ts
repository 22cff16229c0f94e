import { z } from 'zod';
import { PageQuerySchema } from '../../../lib/pagination.js';
import { GRADES } from '../customers.tables.js';

/** Chinese mobile (1[3-9]x, 11 digits, optional +86), landline (0xx-xxxxxxx[-ext]) or international. */
export const PHONE_PATTERN =
  /^(?:(?:\+?86[\s-]?)?1[3-9]\d{9}|0\d{2,3}[\s-]?\d{7,8}(?:[\s-]?\d{1,6})?|\+\d[\d\s-]{6,18})$/;
export const CHINESE_MOBILE = /^(?:\+?86[\s-]?)?1[3-9]\d{9}$/;

const phone = z.string().trim().max(32).regex(PHONE_PATTERN, 'phone');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const dateString = z.iso.date();

export const CustomerFieldsSchema = z.strictObject({
  kind: z.enum(['company', 'person']),
  name: z.string().trim().min(1).max(200),
  legalRepresentative: optionalText(64),
  address: optionalText(300),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'postal code')
    .nullable()
    .optional(),
  phone: phone.nullable().optional(),
  fax: phone.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  wechat: optionalText(64),
  region: optionalText(64),
  businessScope: optionalText(2000),
  registeredCapital: z.number().nonnegative().max(1e13).nullable().optional(),
  birthday: dateString.nullable().optional(),
  categoryKey: z.string().max(64).nullable().optional(),
  grade: z.enum(GRADES).nullable().optional(),
  isKey: z.boolean().optional(),
  ownerId: z.uuid().nullable().optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  notes: optionalText(5000),
});
export type CustomerFields = z.infer<typeof CustomerFieldsSchema>;

export const ContactInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  title: optionalText(64),
  phone: phone.nullable().optional(),
  mobile: phone.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  wechat: optionalText(64),
  birthday: dateString.nullable().optional(),
  isPrimary: z.boolean().optional(),
  notes: optionalText(2000),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const StaffInputSchema = z.strictObject({
  userId: z.uuid(),
  role: z.enum(['owner', 'backup', 'sales', 'engineer', 'other']),
});

export const CreateCustomerBodySchema = CustomerFieldsSchema.extend({
  contacts: z.array(ContactInputSchema).max(50).optional(),
  staff: z.array(StaffInputSchema).max(20).optional(),
  /** Create even though a possible duplicate exists (the duplicates are listed in the 409 answer). */
  ignoreDuplicates: z.boolean().optional(),
});

export const UpdateCustomerBodySchema = CustomerFieldsSchema.partial().extend({
  /** The version the client read; a stale one is a 409 conflict (optimistic locking). */
  version: z.number().int().min(1),
});

export const CustomerListItemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: z.enum(['company', 'person']),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    region: z.string().nullable(),
    categoryKey: z.string().nullable(),
    categoryName: z.string().nullable(),
    grade: z.enum(GRADES).nullable(),
    isKey: z.boolean(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CustomerListItem' });

export const ContactSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    wechat: z.string().nullable(),
    birthday: z.string().nullable(),
    isPrimary: z.boolean(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'CustomerContact' });

export const StaffSchema = z
  .object({ userId: z.uuid(), displayName: z.string(), role: z.string() })
  .meta({ id: 'CustomerStaff' });

export const CustomerSchema = CustomerListItemSchema.extend({
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  fax: z.string().nullable(),
  wechat: z.string().nullable(),
  businessScope: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  birthday: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  contacts: z.array(ContactSchema),
  staff: z.array(StaffSchema),
}).meta({ id: 'Customer' });
export type CustomerView = z.infer<typeof CustomerSchema>;

export const ListCustomersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  /** An exact phone number (an incoming call): the customer's own or one of its contacts' (digits; +86 ignored). */
  phone: z
    .string()
    .trim()
    .max(32)
    .regex(/^\+?[\d\s()-]{4,}$/)
    .optional(),
  kind: z.enum(['company', 'person']).optional(),
  grade: z
    .string()
    .regex(/^[ABCD](,[ABCD])*$/)
    .optional(),
  categoryKey: z.string().max(64).optional(),
  ownerId: z.uuid().optional(),
  region: z.string().max(64).optional(),
  isKey: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  updatedFrom: z.coerce.date().optional(),
  updatedTo: z.coerce.date().optional(),
  /** Custom field filters, repeatable: `cf=<key>:<value>` (exact; for multi-select, contains). */
  cf: z
    .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,31}:.+$/, 'key:value')))
    .optional(),
});
export type ListCustomersQuery = z.infer<typeof ListCustomersQuerySchema>;
/** The list's filter alone (no paging or sort): a callback campaign's customer selection. */
export const CustomerListFilterSchema = ListCustomersQuerySchema.omit({ page: true, pageSize: true, sort: true });

export const CustomerIdParamsSchema = z.object({ id: z.uuid() });
