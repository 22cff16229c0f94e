import { describe, expect, it } from 'vitest';
import type { Department } from '../../api/types';
import { buildDepartmentTree, descendantIds, toTreeOptions } from './tree';

const dept = (id: string, parentId: string | null, sortOrder = 0, name = id): Department => ({
  id,
  name,
  parentId,
  managerId: null,
  managerName: null,
  sortOrder,
  memberCount: 0,
});

const items = [
  dept('cs', null, 1, '客服部'),
  dept('hq', null, 0, '总部'),
  dept('phone', 'cs', 2, '电话组'),
  dept('online', 'cs', 1, '在线组'),
  dept('night', 'online', 0, '夜班'),
];

describe('buildDepartmentTree', () => {
  it('nests by parentId and orders by sortOrder', () => {
    const tree = buildDepartmentTree(items);
    expect(tree.map((n) => n.id)).toEqual(['hq', 'cs']);
    expect(tree[1]?.children?.map((n) => n.id)).toEqual(['online', 'phone']);
    expect(tree[1]?.children?.[0]?.children?.map((n) => n.id)).toEqual(['night']);
    expect(tree[0]?.children).toBeUndefined(); // leaves have no expand icon
  });

  it('treats a department whose parent is out of scope as a root', () => {
    expect(buildDepartmentTree([dept('online', 'cs'), dept('night', 'online')]).map((n) => n.id)).toEqual(['online']);
  });

  it('does not loop forever on a cycle in bad data', () => {
    expect(buildDepartmentTree([dept('a', 'b'), dept('b', 'a')])).toEqual([]);
  });
});

describe('descendantIds / toTreeOptions', () => {
  it('collects a department and everything below it', () => {
    expect([...descendantIds(items, 'cs')].sort()).toEqual(['cs', 'night', 'online', 'phone']);
    expect([...descendantIds(items, 'phone')]).toEqual(['phone']);
  });

  it('disables the given ids in TreeSelect options', () => {
    const options = toTreeOptions(buildDepartmentTree(items), descendantIds(items, 'online'));
    const cs = options.find((o) => o.value === 'cs');
    expect(cs?.disabled).toBeUndefined();
    expect(cs?.children?.find((o) => o.value === 'online')?.disabled).toBe(true);
    expect(cs?.children?.[0]?.children?.[0]).toMatchObject({ value: 'night', title: '夜班', disabled: true });
  });
});
