/** The API lists departments flat (`parentId`); the UI needs a tree. Pure and unit-tested. */
import type { Department } from '../../api/types';

export type DepartmentNode = Department & { children?: DepartmentNode[] };
export type DepartmentOption = { value: string; title: string; disabled?: boolean; children?: DepartmentOption[] };

const byOrder = (a: Department, b: Department) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);

/** Builds the forest; a department whose parent is missing (outside the caller's scope) becomes a root. */
export function buildDepartmentTree(items: readonly Department[]): DepartmentNode[] {
  const ids = new Set(items.map((item) => item.id));
  const childrenOf = new Map<string | null, Department[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), item]);
  }
  const visit = (parent: string | null, seen: Set<string>): DepartmentNode[] =>
    [...(childrenOf.get(parent) ?? [])].sort(byOrder).flatMap((item) => {
      if (seen.has(item.id)) return []; // defensive: a cycle in bad data must not hang the page
      const children = visit(item.id, new Set([...seen, item.id]));
      return [children.length > 0 ? { ...item, children } : { ...item }];
    });
  return visit(null, new Set());
}

/** The id and every id below it (a department cannot move under itself). */
export function descendantIds(items: readonly Department[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && result.has(item.parentId) && !result.has(item.id)) {
        result.add(item.id);
        grew = true;
      }
    }
  }
  return result;
}

/** TreeSelect options; `disabledIds` are shown but not selectable. */
export function toTreeOptions(nodes: readonly DepartmentNode[], disabledIds = new Set<string>()): DepartmentOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: disabledIds.has(node.id) || undefined,
    children: node.children ? toTreeOptions(node.children, disabledIds) : undefined,
  }));
}
