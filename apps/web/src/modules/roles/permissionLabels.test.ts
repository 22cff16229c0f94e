import { PERMISSIONS } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/roles.json';
import zh from '../../locales/zh-CN/roles.json';

type Catalog = { groups: Record<string, string>; permissions: Record<string, Record<string, string>> };

describe('permission labels', () => {
  it.each([
    ['zh-CN', zh],
    ['en', en],
  ])('every permission and group has a %s label (never a raw key in the role editor)', (_locale, catalog) => {
    const { groups, permissions } = catalog as Catalog;
    const missing = PERMISSIONS.filter((permission) => {
      const [group = '', action = ''] = permission.split('.');
      return !groups[group] || !permissions[group]?.[action];
    });
    expect(missing).toEqual([]);
  });
});
