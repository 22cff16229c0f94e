/**
 * Server field errors → form fields. Schema validation (`validation_failed`) brings a message per
 * field; a business rule names its fields only (e.g. `tickets.next_reply_required` on
 * `nextReplyAt`, with an empty message or the offending value), so its detail is shown there.
 */
import type { FormInstance } from 'antd';
import type { HitLike } from '../modules/phrases/forbiddenCheck';
import { isApiError } from './ApiError';
import { toNamePath } from './errors';

export type FieldData = { name: (string | number)[]; errors: string[] };

/** Field errors of `error` for `form.setFields`, mapped through `rename` (server path → form name). */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): FieldData[] {
  if (!isApiError(error)) return [];
  const byField = new Map<string, FieldData>();
  for (const { path, message } of error.errors) {
    const server = toNamePath(path);
    const head = server[0];
    const name = typeof head === 'string' && rename[head] ? [rename[head], ...server.slice(1)] : server;
    if (name.length === 0) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    const text = error.code === 'validation_failed' && message.trim() ? message : error.message;
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** Puts the field errors of `error` on `form`; true when there were any. */
export function setFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): boolean {
  const fields = fieldErrorsOf(error, rename);
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

/** The forbidden-phrase hits of a 422 `tickets.forbidden_phrase` answer (empty for anything else). */
export function forbiddenHitsOf(error: unknown): HitLike[] {
  if (!isApiError(error) || error.code !== 'tickets.forbidden_phrase') return [];
  const hits = error.params.hits;
  if (!Array.isArray(hits)) return [];
  return hits.filter(
    (h): h is HitLike =>
      typeof h === 'object' &&
      h !== null &&
      typeof (h as HitLike).phrase === 'string' &&
      typeof (h as HitLike).alternative === 'string' &&
      typeof (h as HitLike).start === 'number' &&
      typeof (h as HitLike).end === 'number',
  );
}
