/**
 * Saved list views (the filters) of the customer list: stored on the server per user (module
 * `customers`, see savedViewsApi.ts); a view can be shared with everyone. These are the pure helpers.
 */
import type { SavedView } from '../../api/types';

export type { SavedView };

/** Search-form values worth saving: empty ones (undefined, '', []) are left out. */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/** The caller's view of this name (names are what the user picks by; saving one replaces it). */
export const ownViewNamed = (views: SavedView[], name: string) => views.find((v) => v.isOwn && v.name === name.trim());

type Option = { value: string; label: string };
type Group = { label: string; options: Option[] };

/**
 * Options for the view picker: the caller's own views, then those others share, each marked with
 * its owner's name. Groups without views are left out.
 */
export function viewOptions(
  views: SavedView[],
  labels: {
    own: string;
    shared: string;
    sharedBy: (view: SavedView) => string;
    ownShared: (view: SavedView) => string;
  },
): Group[] {
  const own = views.filter((v) => v.isOwn);
  const others = views.filter((v) => !v.isOwn);
  return [
    { label: labels.own, options: own.map((v) => ({ value: v.id, label: v.isShared ? labels.ownShared(v) : v.name })) },
    { label: labels.shared, options: others.map((v) => ({ value: v.id, label: labels.sharedBy(v) })) },
  ].filter((group) => group.options.length > 0);
}
