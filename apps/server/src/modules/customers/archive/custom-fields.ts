import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../lib/app-error.js';
import { customFieldDefinitions } from '../customers.tables.js';

export type FieldDefinition = typeof customFieldDefinitions.$inferSelect;

export async function activeCustomerFields(db: DbOrTx): Promise<FieldDefinition[]> {
  return db
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.isActive, true))
    .orderBy(asc(customFieldDefinitions.sortOrder), asc(customFieldDefinitions.key));
}

/** Every definition, active or not: values of a deactivated field stay on the records that have them. */
export async function allCustomerFields(db: DbOrTx): Promise<FieldDefinition[]> {
  return db
    .select()
    .from(customFieldDefinitions)
    .orderBy(asc(customFieldDefinitions.sortOrder), asc(customFieldDefinitions.key));
}

function invalid(field: FieldDefinition, reason: string): AppError {
  return new AppError('customers.custom_field_invalid', 400, {
    params: { field: field.label, reason },
    fields: [{ path: `customFields.${field.key}`, message: reason }],
  });
}

/**
 * Checks and normalises custom field values against their definitions: unknown keys are refused,
 * numbers and dates are parsed, select values must be among the options. With `requireAll`
 * (creation, import) every required field must have a value.
 */
export function normaliseCustomFields(
  definitions: FieldDefinition[],
  values: Record<string, unknown>,
  { requireAll }: { requireAll: boolean },
): Record<string, unknown> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      throw new AppError('validation_failed', 400, {
        fields: [{ path: `customFields.${key}`, message: 'unknown field' }],
      });
    }
    if (!field.isActive) {
      // A deactivated field keeps its stored values untouched; it is no longer validated or required.
      out[key] = raw;
      continue;
    }
    if (raw === null || raw === undefined || raw === '') {
      out[key] = null;
      continue;
    }
    const options = new Set(field.options.map((o) => o.value));
    switch (field.type) {
      case 'text':
        if (typeof raw !== 'string' || raw.length > 2000) throw invalid(field, 'text ≤ 2000');
        out[key] = raw.trim();
        break;
      case 'number': {
        const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/,/g, ''));
        if (!Number.isFinite(n)) throw invalid(field, 'number');
        out[key] = n;
        break;
      }
      case 'date':
        if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
          throw invalid(field, 'YYYY-MM-DD');
        }
        out[key] = raw;
        break;
      case 'select':
        if (typeof raw !== 'string' || !options.has(raw)) throw invalid(field, [...options].join('/'));
        out[key] = raw;
        break;
      case 'multi_select': {
        const list = Array.isArray(raw)
          ? raw
          : String(raw)
              .split(/[,，;；]/)
              .map((v) => v.trim())
              .filter(Boolean);
        if (!list.every((v) => typeof v === 'string' && options.has(v))) throw invalid(field, [...options].join('/'));
        out[key] = [...new Set(list)];
        break;
      }
    }
  }
  if (requireAll) {
    for (const field of definitions) {
      const value = out[field.key];
      if (
        field.isActive &&
        field.isRequired &&
        (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
      ) {
        throw new AppError('customers.custom_field_required', 400, {
          params: { field: field.label },
          fields: [{ path: `customFields.${field.key}`, message: 'required' }],
        });
      }
    }
  }
  return out;
}
