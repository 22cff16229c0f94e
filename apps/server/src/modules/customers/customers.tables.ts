import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const customerCodeSeq = pgSequence('customer_code_seq', { startWith: 1 });

/** Administrator-editable customer categories (dealer, partner, and the "special" kinds). */
export const customerCategories = pgTable('customer_categories', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  isSpecial: boolean('is_special').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
});

/** Administrator-defined extra fields; values live in `customers.custom_fields` (jsonb, by key). */
export const customFieldDefinitions = pgTable('custom_field_definitions', {
  key: text('key').primaryKey(),
  entity: text('entity', { enum: ['customer'] })
    .notNull()
    .default('customer'),
  label: text('label').notNull(),
  labelEn: text('label_en'),
  type: text('type', { enum: ['text', 'number', 'date', 'select', 'multi_select'] }).notNull(),
  options: jsonb('options').$type<{ value: string; label: string; labelEn?: string }[]>().notNull().default([]),
  isRequired: boolean('is_required').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-readable number, e.g. KH000123. */
    code: text('code')
      .notNull()
      .unique()
      // At least six digits (KH000123); from the millionth customer on the number simply grows
      // (KH1000000): lpad() would cut it to six characters and repeat earlier codes.
      .default(sql`'KH' || to_char(nextval('customer_code_seq'), 'FM999999999000000')`),
    kind: text('kind', { enum: ['company', 'person'] }).notNull(),
    name: text('name').notNull(),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    postalCode: text('postal_code'),
    phone: text('phone'),
    /** Digits only, for duplicate detection across formatting (+86, spaces, dashes). */
    phoneNormalized: text('phone_normalized'),
    fax: text('fax'),
    email: text('email'),
    wechat: text('wechat'),
    region: text('region'),
    businessScope: text('business_scope'),
    registeredCapital: numeric('registered_capital', { precision: 16, scale: 2 }),
    birthday: date('birthday'),
    categoryKey: text('category_key').references(() => customerCategories.key),
    grade: text('grade', { enum: GRADES }),
    isKey: boolean('is_key').notNull().default(false),
    ownerId: uuid('owner_id').references(() => users.id),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    notes: text('notes'),
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The list (customers.repository.ts) sorts by `updated_at DESC, id DESC` by default: the btree
  // indexes below are ascending on (…, updated_at, id) so that a backward scan returns exactly that
  // order (a `DESC NULLS LAST` index does not match `ORDER BY … DESC`, which puts NULLs first) and
  // the first page of a filtered list is read in order and stops after 20 rows.
  // merged_into_id last: the list counts its matches (up to 10,001, `merged_into_id IS NULL`), and
  // with every column of the condition in one index that count reads the index only (a few ms)
  // instead of one heap row per match or a BitmapAnd of two whole index ranges (40–50 ms at 1M).
  (t) => [
    // The owner's customers in list order (an agent's own customers).
    index('customers_owner_idx').on(t.ownerId, t.updatedAt, t.id, t.mergedIntoId),
    index('customers_updated_idx').on(t.updatedAt, t.id, t.mergedIntoId),
    index('customers_grade_idx').on(t.grade, t.updatedAt, t.id),
    index('customers_category_idx').on(t.categoryKey, t.updatedAt, t.id, t.mergedIntoId),
    index('customers_region_idx').on(t.region, t.updatedAt, t.id, t.mergedIntoId),
    index('customers_key_idx').on(t.updatedAt, t.id, t.mergedIntoId).where(sql`${t.isKey}`),
    // The usual filter pairs: grades of a region (also counts a grade alone: its prefix), and the
    // key customers of a category.
    index('customers_grade_region_idx').on(t.grade, t.region, t.updatedAt, t.id, t.mergedIntoId),
    index('customers_key_category_idx').on(t.categoryKey, t.updatedAt, t.id, t.mergedIntoId).where(sql`${t.isKey}`),
    index('customers_phone_idx').on(t.phoneNormalized),
    index('customers_email_idx').on(sql`lower(${t.email})`),
    // Custom-field filters are jsonpath (`@?`) or containment (`@>`) tests: jsonb_path_ops indexes
    // path + value as one key (smaller, and one posting list per filter value).
    index('customers_custom_fields_path_idx').using('gin', t.customFields.op('jsonb_path_ops')),
    // Substring search (ILIKE '%q%') over name, code, e-mail and phone digits; two-character
    // terms have no trigram: kefu_bigrams (migration 0006) indexes the name's character pairs.
    index('customers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_name_bigram_idx').using('gin', sql`kefu_bigrams(${t.name})`),
    index('customers_code_trgm_idx').using('gin', sql`${t.code} gin_trgm_ops`),
    index('customers_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    index('customers_phone_trgm_idx').using('gin', sql`${t.phoneNormalized} gin_trgm_ops`),
  ],
);

/** Contacts (persons) of a company customer. */
export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    wechat: text('wechat'),
    birthday: date('birthday'),
    isPrimary: boolean('is_primary').notNull().default(false),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId)],
);

/** Staff assigned to a customer besides (and including) the owner 专属客服经理. */
export const customerStaff = pgTable(
  'customer_staff',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['owner', 'backup', 'sales', 'engineer', 'other'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.userId] }),
    index('customer_staff_user_idx').on(t.userId),
    // Staff other than the owner (whose row mirrors customers.owner_id): the few customers a user
    // sees without owning them, for the scoped customer list.
    index('customer_staff_shared_idx').on(t.userId, t.customerId).where(sql`${t.role} <> 'owner'`),
  ],
);

/** Every contact and significant change, and (through events) tickets, callbacks and surveys. */
export const customerTimeline = pgTable(
  'customer_timeline',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    channel: text('channel'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }),
    title: text('title').notNull(),
    body: text('body'),
    actorId: uuid('actor_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    refType: text('ref_type'),
    refId: text('ref_id'),
  },
  (t) => [index('customer_timeline_customer_idx').on(t.customerId, t.at.desc())],
);

export const customerBusinessFigures = pgTable(
  'customer_business_figures',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    revenue: numeric('revenue', { precision: 16, scale: 2 }),
    orderCount: integer('order_count'),
    paymentRecord: text('payment_record', { enum: ['on_time', 'mostly_on_time', 'late', 'defaulted'] }),
    notes: text('notes'),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.year] })],
);

export const customerOrders = pgTable(
  'customer_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    orderNo: text('order_no').notNull(),
    title: text('title').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }),
    orderedAt: date('ordered_at'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_orders_customer_idx').on(t.customerId), uniqueIndex('customer_orders_no_idx').on(t.orderNo)],
);

/** Named date types (booking, shoot, pickup, wedding day; order, delivery, installation). */
export const milestoneTypes = pgTable('milestone_types', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  appliesTo: text('applies_to', { enum: ['customer', 'order'] }).notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
});

export const customerMilestones = pgTable(
  'customer_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').references(() => customerOrders.id, { onDelete: 'cascade' }),
    typeKey: text('type_key')
      .notNull()
      .references(() => milestoneTypes.key),
    date: date('date').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_milestones_customer_idx').on(t.customerId), index('customer_milestones_date_idx').on(t.date)],
);
