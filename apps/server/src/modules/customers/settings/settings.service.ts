import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { type DeleteResult, keyedSettings } from '../../../lib/keyed-settings.js';
import { recordAudit } from '../../audit/index.js';
import * as repo from './settings.repository.js';
import type { CategoryInput, CustomFieldInput, MilestoneTypeInput } from './settings.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

const pick = (locale: Locale, zh: string, en: string | null | undefined) => (locale === 'en' && en ? en : zh);

const keyTaken = (key: string) =>
  new AppError('customers.setting_key_taken', 409, { params: { key }, fields: [{ path: 'key', message: 'taken' }] });

/* ── Categories and milestone types: keyed reference tables (lib/keyed-settings.ts) ─────────── */

/** Customer categories: key unique (customers.setting_key_taken); one in use is deactivated, not deleted. */
export const categorySettings = keyedSettings<repo.CategoryRow, CategoryInput>({
  entity: 'customer_category',
  notFound: 'customers.category_not_found',
  keyTaken: 'customers.setting_key_taken',
  list: repo.listCategories,
  find: repo.findCategory,
  insert: repo.insertCategory,
  update: repo.updateCategory,
  delete: repo.deleteCategory,
  audit: recordAudit,
});

/** Milestone types: key unique (customers.setting_key_taken); one in use is deactivated, not deleted. */
export const milestoneTypeSettings = keyedSettings<repo.MilestoneTypeRow, MilestoneTypeInput>({
  entity: 'milestone_type',
  notFound: 'customers.milestone_type_not_found',
  keyTaken: 'customers.setting_key_taken',
  list: repo.listMilestoneTypes,
  find: repo.findMilestoneType,
  insert: repo.insertMilestoneType,
  update: repo.updateMilestoneType,
  delete: repo.deleteMilestoneType,
  audit: recordAudit,
});

/* ── Custom field definitions ───────────────────────────────────────────────────────────────── */

function fieldView(locale: Locale, row: repo.CustomFieldRow, usage: number) {
  return {
    key: row.key,
    label: pick(locale, row.label, row.labelEn),
    labelZh: row.label,
    labelEn: row.labelEn,
    type: row.type,
    options: row.options.map((o) => ({
      value: o.value,
      label: pick(locale, o.label, o.labelEn),
      labelZh: o.label,
      labelEn: o.labelEn ?? null,
    })),
    isRequired: row.isRequired,
    sortOrder: row.sortOrder,
    isActive: row.isActive,
    usage,
  };
}

/** Select types keep their options (at least one, distinct values); the other types keep none. */
function optionsFor(
  type: CustomFieldInput['type'],
  options: CustomFieldInput['options'] | repo.CustomFieldRow['options'] = [],
) {
  if (type !== 'select' && type !== 'multi_select') return [];
  if (options.length === 0) {
    throw new AppError('customers.custom_field_options_invalid', 400, {
      params: { reason: '≥ 1' },
      fields: [{ path: 'options', message: 'at least one option' }],
    });
  }
  const seen = new Set<string>();
  for (const [i, o] of options.entries()) {
    if (seen.has(o.value)) {
      throw new AppError('customers.custom_field_options_invalid', 400, {
        params: { reason: o.value },
        fields: [{ path: `options.${i}.value`, message: 'duplicate value' }],
      });
    }
    seen.add(o.value);
  }
  return options.map((o) => ({ value: o.value, label: o.label, ...(o.labelEn ? { labelEn: o.labelEn } : {}) }));
}

export async function listCustomFields(deps: Deps, locale: Locale, activeOnly?: boolean) {
  const rows = await repo.listCustomFields(deps.database.db, activeOnly);
  return { items: rows.map((r) => fieldView(locale, r.field, Number(r.usage))) };
}

async function requireField(db: DbOrTx, key: string) {
  const row = await repo.findCustomField(db, key);
  if (!row) throw new AppError('customers.custom_field_not_found', 404, { params: { key } });
  return row;
}

export async function createCustomField(deps: Deps, ctx: ActorCtx, input: CustomFieldInput) {
  const row = await deps.database.db.transaction(async (tx) => {
    const created = await repo.insertCustomField(tx, {
      ...input,
      entity: 'customer',
      options: optionsFor(input.type, input.options),
    });
    if (!created) throw keyTaken(input.key);
    await recordAudit(tx, ctx, {
      action: 'custom_field.created',
      entityType: 'custom_field',
      entityId: created.key,
      after: created,
    });
    return created;
  });
  return fieldView(ctx.locale, row, 0);
}

/**
 * Changes a field definition. Its type cannot change while customers hold values for it (the
 * stored values would no longer validate); deactivating it and adding a new field is the way.
 */
export async function updateCustomField(
  deps: Deps,
  ctx: ActorCtx,
  key: string,
  input: Partial<Omit<CustomFieldInput, 'key'>>,
) {
  const { row, usage } = await deps.database.db.transaction(async (tx) => {
    const before = await requireField(tx, key);
    const usage = await repo.countCustomFieldUsage(tx, key);
    const type = input.type ?? before.type;
    if (type !== before.type && usage > 0) {
      throw new AppError('customers.custom_field_in_use', 409, {
        params: { field: before.label, count: usage },
        fields: [{ path: 'type', message: 'in use' }],
      });
    }
    const options =
      input.options !== undefined || input.type !== undefined
        ? optionsFor(type, input.options ?? before.options)
        : undefined;
    const values = Object.fromEntries(Object.entries({ ...input, options }).filter(([, v]) => v !== undefined));
    const after = (Object.keys(values).length > 0 ? await repo.updateCustomField(tx, key, values) : before) ?? before;
    await recordAudit(tx, ctx, {
      action: 'custom_field.updated',
      entityType: 'custom_field',
      entityId: key,
      before,
      after,
    });
    return { row: after, usage };
  });
  return fieldView(ctx.locale, row, usage);
}

/** Deletes an unused field; a field that customers have values for is deactivated (values kept). */
export async function deleteCustomField(deps: Deps, ctx: ActorCtx, key: string): Promise<DeleteResult> {
  return deps.database.db.transaction(async (tx) => {
    const before = await requireField(tx, key);
    const inUse = (await repo.countCustomFieldUsage(tx, key)) > 0;
    if (inUse) await repo.updateCustomField(tx, key, { isActive: false });
    else await repo.deleteCustomField(tx, key);
    const result = inUse ? 'deactivated' : 'deleted';
    await recordAudit(tx, ctx, { action: `custom_field.${result}`, entityType: 'custom_field', entityId: key, before });
    return { key, result };
  });
}
