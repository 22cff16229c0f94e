import type { CustomFieldDefinition, Grade } from '../../../api/types';

export const GRADES: Grade[] = ['A', 'B', 'C', 'D'];

/** A stored custom-field value as text: option labels for selects, lists joined. */
export function formatCustomValue(field: Pick<CustomFieldDefinition, 'type' | 'options'>, value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  const label = (v: unknown) => field.options.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.length > 0 ? value.map(label).join('、') : '-';
  if (field.type === 'select' || field.type === 'multi_select') return label(value);
  return String(value);
}
