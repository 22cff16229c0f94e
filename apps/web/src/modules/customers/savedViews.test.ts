import { describe, expect, it } from 'vitest';
import { loadViews, removeView, saveViews, upsertView, viewsStorageKey } from './savedViews';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('saved views', () => {
  it('round-trips per user and ignores junk', () => {
    const store = memory();
    const views = upsertView([], { name: ' A 级客户 ', values: { grade: ['A'], q: '', region: undefined } });
    saveViews('u1', views, store);
    expect(loadViews('u1', store)).toEqual([expect.objectContaining({ name: 'A 级客户', values: { grade: ['A'] } })]);
    expect(loadViews('u2', store)).toEqual([]);
    store.setItem(viewsStorageKey('u3'), '{not json');
    expect(loadViews('u3', store)).toEqual([]);
    store.setItem(viewsStorageKey('u4'), JSON.stringify([{ id: 1 }, ...views]));
    expect(loadViews('u4', store)).toHaveLength(1);
  });

  it('replaces a view of the same name and removes by id', () => {
    const first = upsertView([], { name: '重点', values: { isKey: 'true' } });
    const second = upsertView(first, { name: '重点', values: { isKey: 'true', grade: ['A'] } });
    expect(second).toHaveLength(1);
    expect(second[0]?.id).toBe(first[0]?.id);
    expect(second[0]?.values).toEqual({ isKey: 'true', grade: ['A'] });
    expect(removeView(second, second[0]?.id ?? '')).toEqual([]);
  });
});
