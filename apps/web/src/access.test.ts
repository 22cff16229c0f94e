import { describe, expect, it } from 'vitest';
import { createAccess } from './access';

describe('createAccess', () => {
  const agent = createAccess({ permissions: ['departments.read'], dataScope: 'own' });
  const admin = createAccess({ permissions: ['users.read', 'users.write', 'audit.read', 'audit.export'] });
  const anonymous = createAccess(null);

  it('knows whether someone is signed in', () => {
    expect(agent.isAuthenticated).toBe(true);
    expect(anonymous.isAuthenticated).toBe(false);
    expect(createAccess(undefined).isAuthenticated).toBe(false);
  });

  it('grants exactly the listed permissions', () => {
    expect(agent.can('departments.read')).toBe(true);
    expect(agent.can('users.read')).toBe(false);
    expect(admin.can('users.write')).toBe(true);
  });

  it('combines permissions with canAny / canAll', () => {
    expect(admin.canAny('jobs.read', 'audit.export')).toBe(true);
    expect(admin.canAll('users.read', 'jobs.read')).toBe(false);
    expect(admin.canAll('users.read', 'audit.read')).toBe(true);
    expect(agent.canAny()).toBe(false);
  });

  it('evaluates route access requirements', () => {
    expect(anonymous.canAccess('public')).toBe(true);
    expect(anonymous.canAccess('authenticated')).toBe(false);
    expect(anonymous.canAccess(undefined)).toBe(false);
    expect(agent.canAccess(undefined)).toBe(true);
    expect(agent.canAccess('authenticated')).toBe(true);
    expect(agent.canAccess('users.read')).toBe(false);
    expect(admin.canAccess('users.read')).toBe(true);
  });

  it('never grants a permission to an anonymous user, whatever the data says', () => {
    expect(anonymous.can('users.read')).toBe(false);
  });
});
