import { describe, expect, it } from 'vitest';
import { grantableScopes, roleRestriction } from './roleRestriction';

const me = { role: { key: 'hr' }, permissions: ['users.read', 'roles.write'], dataScope: 'department' as const };
const role = (over: Partial<Parameters<typeof roleRestriction>[1]>) => ({
  key: 'x',
  isSystem: false,
  permissions: ['users.read'],
  dataScope: 'own' as const,
  ...over,
});

describe('roleRestriction (mirrors the server rule of issue 10)', () => {
  it('refuses one’s own role, built-in roles for non-administrators and roles holding more', () => {
    expect(roleRestriction(me, role({ key: 'hr' }))).toBe('ownRole');
    expect(roleRestriction(me, role({ isSystem: true }))).toBe('systemRole');
    expect(roleRestriction(me, role({ permissions: ['users.write'] }))).toBe('exceeds');
    expect(roleRestriction(me, role({ dataScope: 'all' }))).toBe('exceeds');
    expect(roleRestriction(me, role({}))).toBeUndefined();
    expect(roleRestriction({ ...me, role: { key: 'admin' } }, role({ isSystem: true }))).toBeUndefined();
  });

  it('offers the data scopes up to the caller’s own', () => {
    expect(grantableScopes(me)).toEqual(['own', 'team', 'department']);
    expect(grantableScopes(null)).toEqual([]);
  });
});
