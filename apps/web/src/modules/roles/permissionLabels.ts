import { isPermission, PERMISSIONS } from '@kefu/shared';
import type { TFunction } from 'i18next';

type Group = (typeof PERMISSIONS)[number] extends `${infer G}.${string}` ? G : never;
const GROUPS = new Set<string>(PERMISSIONS.map((permission) => permission.split('.')[0] ?? ''));
const isGroup = (value: string): value is Group => GROUPS.has(value);

/** Localized label of a permission; one without a translation yet (a new module) shows its key. */
export function permissionLabel(t: TFunction<'roles'>, key: string): string {
  return isPermission(key) ? t(`permissions.${key}`, { defaultValue: key }) : key;
}

export function groupLabel(t: TFunction<'roles'>, group: string): string {
  return isGroup(group) ? t(`groups.${group}`, { defaultValue: group }) : group;
}

/** Groups `[{ key, group }]` in the server's order, permissions in order within a group. */
export function groupPermissions(
  items: readonly { key: string; group: string }[],
): { group: string; keys: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const { key, group } of items) groups.set(group, [...(groups.get(group) ?? []), key]);
  return [...groups].map(([group, keys]) => ({ group, keys }));
}
