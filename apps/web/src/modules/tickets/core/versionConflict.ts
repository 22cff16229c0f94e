/**
 * Optimistic locking on the ticket page: every edit sends the `version` it read; the server answers
 * 409 `tickets.version_conflict` when someone else saved first. These helpers recognise that answer
 * and pick the fields that really changed, so an edit never sends (and overwrites) untouched ones.
 */
import { isApiError } from '../../../api/ApiError';

export type Conflict = { current?: number; given?: number };

/** The conflict details when `error` is a stale-version answer; undefined for any other error. */
export function versionConflict(error: unknown): Conflict | undefined {
  if (!isApiError(error) || error.code !== 'tickets.version_conflict') return undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { current: num(error.params.current), given: num(error.params.given) };
}

export const isVersionConflict = (error: unknown) => versionConflict(error) !== undefined;

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
};

/**
 * The entries of `edited` that differ from `original` (empty string, null and undefined count as
 * the same "nothing"); a patch with only these plus the version read.
 */
export function changedFields<T extends Record<string, unknown>>(original: Partial<T>, edited: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!same(original[key], edited[key])) patch[key] = edited[key];
  }
  return patch;
}
