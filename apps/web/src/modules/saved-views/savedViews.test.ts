import { describe, expect, it } from 'vitest';
import { cleanValues, ownViewNamed, type SavedView, viewOptions } from './savedViews';

const view = (over: Partial<SavedView>): SavedView => ({
  id: 'id',
  module: 'customers',
  name: 'v',
  query: {},
  isShared: false,
  isOwn: true,
  ownerId: 'u1',
  ownerName: '王丽',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('saved views', () => {
  it('keeps only filled-in values', () => {
    expect(cleanValues({ grade: ['A'], q: '', region: undefined, tags: [], owner: null, isKey: 'true' })).toEqual({
      grade: ['A'],
      isKey: 'true',
    });
  });

  it('finds the caller’s own view by trimmed name, never another user’s', () => {
    const views = [view({ id: 'theirs', name: '重点', isOwn: false }), view({ id: 'mine', name: '重点' })];
    expect(ownViewNamed(views, ' 重点 ')?.id).toBe('mine');
    expect(ownViewNamed([views[0] as SavedView], '重点')).toBeUndefined();
  });

  it('groups own views before others’ shared ones, marking owners', () => {
    const labels = {
      own: 'mine',
      shared: 'shared',
      sharedBy: (v: SavedView) => `${v.name} (${v.ownerName})`,
      ownShared: (v: SavedView) => `${v.name} *`,
    };
    const options = viewOptions(
      [
        view({ id: 'a', name: 'A' }),
        view({ id: 'b', name: 'B', isShared: true }),
        view({ id: 'c', name: 'C', isOwn: false, isShared: true, ownerName: '张强' }),
      ],
      labels,
    );
    expect(options).toEqual([
      {
        label: 'mine',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B *' },
        ],
      },
      { label: 'shared', options: [{ value: 'c', label: 'C (张强)' }] },
    ]);
    expect(viewOptions([], labels)).toEqual([]);
  });
});
