/**
 * Saved list views (the filters) of the customer list.
 *
 * TODO(saved-views API): the server has a `saved_views` table (user, module, name, query, shared)
 * but no endpoint yet. Until it has one, views live in this browser's localStorage, one list per
 * user; switch `loadViews`/`saveViews` to the API (module 'customers') when it lands, and offer
 * "shared" views then.
 */
export type SavedView = {
  id: string;
  name: string;
  /** Search-form values as the table last sent them (custom fields as `cf__<key>`). */
  values: Record<string, unknown>;
  createdAt: string;
};

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const viewsStorageKey = (userId: string) => `kefu.savedViews.customers.${userId}`;

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const isView = (value: unknown): value is SavedView =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SavedView).id === 'string' &&
  typeof (value as SavedView).name === 'string' &&
  typeof (value as SavedView).values === 'object';

export function loadViews(userId: string, store: StorageLike | undefined = storage()): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(viewsStorageKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isView) : [];
  } catch {
    return [];
  }
}

export function saveViews(userId: string, views: SavedView[], store: StorageLike | undefined = storage()): void {
  try {
    store?.setItem(viewsStorageKey(userId), JSON.stringify(views));
  } catch {
    // storage full or disabled: the view lasts for this page only
  }
}

/** Adds a view, replacing one of the same name (names are what the user picks by). */
export function upsertView(
  views: SavedView[],
  view: Omit<SavedView, 'id' | 'createdAt'>,
  now = new Date(),
): SavedView[] {
  const name = view.name.trim();
  const existing = views.find((v) => v.name === name);
  const values = Object.fromEntries(Object.entries(view.values).filter(([, v]) => v !== undefined && v !== ''));
  const next: SavedView = {
    id: existing?.id ?? `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name,
    values,
    createdAt: existing?.createdAt ?? now.toISOString(),
  };
  return existing ? views.map((v) => (v.id === existing.id ? next : v)) : [...views, next];
}

export const removeView = (views: SavedView[], id: string) => views.filter((v) => v.id !== id);
