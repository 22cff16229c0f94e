/**
 * The attempts of test/escalation.test.ts, one row per route that changes users, roles or
 * passwords (see there). Each attempt must be refused with nothing changed; each control must pass.
 */
export const SMALL = ['users.read', 'users.write', 'roles.read', 'roles.write', 'customers.read', 'customers.handover'];
export const STRONG = [...SMALL, 'audit.read', 'departments.read'];
export const SENSITIVE_FIELDS = [
  'roleKey',
  'superiorId',
  'password',
  'newPassword',
  'currentPassword',
  'permissions',
  'dataScope',
  'deactivateFrom',
];
export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

export type Who = 'smaller' | 'subordinate';
export type World = {
  id: Record<'admin' | 'gm' | 'target' | 'smaller' | 'subordinate' | 'plain', string>;
  office: string;
  center: string;
};
export type Attempt = {
  who: Who;
  what: string;
  url: string;
  body?: Record<string, unknown>;
  /** Refusals other than 403/404 this attempt may answer with, e.g. 400 for an unknown reference. */
  also?: { status: number; code: string }[];
};
export type Control = { who: Who; what: string; url: string; body?: Record<string, unknown>; status: number };
export type Row = { attempts: (w: World) => Attempt[]; controls?: (w: World) => Control[] };

export const BOTH: Who[] = ['smaller', 'subordinate'];
const both = (a: Omit<Attempt, 'who'>): Attempt[] => BOTH.map((who) => ({ ...a, who }));
const self = (w: World, who: Who) => w.id[who];
const ownRole = (who: Who) => (who === 'smaller' ? 'esc_small' : 'esc_strong');
const unknownUser = { status: 400, code: 'users.not_found' };
const strictBody = { status: 400, code: 'validation_failed' };

/** Matching routes that change no one but the caller, with the reason. */
export const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/login': 'signs in; changes only the lockout counters of the name typed',
};

export const ATTEMPTS: Record<string, Row> = {
  'POST /api/v1/users': {
    attempts: (w) => [
      ...both({ what: 'create an administrator', url: '/api/v1/users', body: newUser({ roleKey: 'admin' }) }),
      ...both({
        what: 'create a user outside one’s department',
        url: '/api/v1/users',
        body: newUser({ departmentId: w.office }),
      }),
      ...both({
        what: 'create a user under an out-of-scope superior',
        url: '/api/v1/users',
        body: newUser({ superiorId: w.id.gm }),
        also: [unknownUser],
      }),
      { who: 'smaller', what: 'create a user with the bigger role', url: '/api/v1/users', body: newUser({}) },
    ],
    controls: (w) => [
      {
        who: 'smaller',
        what: 'create a plain user',
        url: '/api/v1/users',
        body: newUser({ roleKey: 'esc_plain', username: 'ctl_new', departmentId: w.center }),
        status: 201,
      },
      {
        who: 'subordinate',
        what: 'create a peer',
        url: '/api/v1/users',
        body: newUser({ username: 'ctl_peer', departmentId: w.center }),
        status: 201,
      },
    ],
  },

  'PATCH /api/v1/users/:id': {
    attempts: (w) => [
      ...both({ what: 'rename the target', url: `/api/v1/users/${w.id.target}`, body: { displayName: '被冒充' } }),
      ...both({ what: 'disable the target', url: `/api/v1/users/${w.id.target}`, body: { isActive: false } }),
      ...both({ what: 'demote the target', url: `/api/v1/users/${w.id.target}`, body: { roleKey: 'esc_plain' } }),
      ...both({
        what: 'take over the target’s e-mail',
        url: `/api/v1/users/${w.id.target}`,
        body: { email: 'attacker@example.com' },
      }),
      ...both({ what: 'move the target away', url: `/api/v1/users/${w.id.target}`, body: { departmentId: null } }),
      ...both({ what: 'disable the administrator', url: `/api/v1/users/${w.id.admin}`, body: { isActive: false } }),
      ...both({ what: 'edit the general manager', url: `/api/v1/users/${w.id.gm}`, body: { displayName: 'x' } }),
      ...BOTH.flatMap((who): Attempt[] => [
        {
          who,
          what: 'move self to the office',
          url: `/api/v1/users/${self(w, who)}`,
          body: { departmentId: w.office },
        },
        { who, what: 'leave one’s department', url: `/api/v1/users/${self(w, who)}`, body: { departmentId: null } },
        { who, what: 'change own superior', url: `/api/v1/users/${self(w, who)}`, body: { superiorId: w.id.plain } },
        { who, what: 'drop own superior', url: `/api/v1/users/${self(w, who)}`, body: { superiorId: null } },
        { who, what: 'make self administrator', url: `/api/v1/users/${self(w, who)}`, body: { roleKey: 'admin' } },
        { who, what: 'change own role', url: `/api/v1/users/${self(w, who)}`, body: { roleKey: 'esc_plain' } },
        {
          who,
          what: 'disable self',
          url: `/api/v1/users/${self(w, who)}`,
          body: { isActive: false },
          also: [{ status: 400, code: 'users.cannot_disable_self' }],
        },
      ]),
      ...both({
        what: 'make a plain user administrator',
        url: `/api/v1/users/${w.id.plain}`,
        body: { roleKey: 'admin' },
      }),
      ...both({
        what: 'move a plain user to the office',
        url: `/api/v1/users/${w.id.plain}`,
        body: { departmentId: w.office },
      }),
      ...both({
        what: 'put a plain user under the general manager',
        url: `/api/v1/users/${w.id.plain}`,
        body: { superiorId: w.id.gm },
        also: [unknownUser],
      }),
      {
        who: 'smaller',
        what: 'give a plain user the bigger role',
        url: `/api/v1/users/${w.id.plain}`,
        body: { roleKey: 'esc_strong' },
      },
    ],
    controls: (w) => [
      {
        who: 'smaller',
        what: 'rename a plain user',
        url: `/api/v1/users/${w.id.plain}`,
        body: { displayName: '普通' },
        status: 200,
      },
      {
        who: 'subordinate',
        what: 'rename self',
        url: `/api/v1/users/${w.id.subordinate}`,
        body: { displayName: '下属' },
        status: 200,
      },
    ],
  },

  'POST /api/v1/users/:id/password': {
    attempts: (w) => [
      ...(['target', 'admin', 'gm'] as const).flatMap((whom) =>
        both({
          what: `reset ${whom}’s password`,
          url: `/api/v1/users/${w.id[whom]}/password`,
          body: { newPassword: 'Hijack2026x' },
        }),
      ),
      ...BOTH.map((who) => ({
        who,
        what: 'reset own password without the current one',
        url: `/api/v1/users/${self(w, who)}/password`,
        body: { newPassword: 'Hijack2026x' },
      })),
    ],
    controls: (w) => [
      {
        who: 'smaller',
        what: 'reset a plain user',
        url: `/api/v1/users/${w.id.plain}/password`,
        body: { newPassword: 'Reset2026x' },
        status: 204,
      },
    ],
  },

  'POST /api/v1/users/:id/unlock': {
    attempts: (w) =>
      (['target', 'admin'] as const).flatMap((whom) =>
        both({ what: `unlock ${whom} (lets guessing go on)`, url: `/api/v1/users/${w.id[whom]}/unlock`, body: {} }),
      ),
    controls: (w) => [
      {
        who: 'subordinate',
        what: 'unlock a plain user',
        url: `/api/v1/users/${w.id.plain}/unlock`,
        body: {},
        status: 200,
      },
    ],
  },

  'POST /api/v1/roles': {
    attempts: () => [
      ...both({
        what: 'create a role with a permission one lacks',
        url: '/api/v1/roles',
        body: { key: 'esc_new', name: '新', permissions: [...STRONG, 'users.read', 'audit.export'], dataScope: 'own' },
      }),
      ...both({
        what: 'create a role with a wider scope',
        url: '/api/v1/roles',
        body: { key: 'esc_new', name: '新', permissions: [], dataScope: 'all' },
      }),
      {
        who: 'smaller',
        what: 'create a copy of the bigger role',
        url: '/api/v1/roles',
        body: { key: 'esc_new', name: '新', permissions: STRONG, dataScope: 'department' },
      },
    ],
    controls: () => [
      {
        who: 'smaller',
        what: 'create a role within one’s own',
        url: '/api/v1/roles',
        body: { key: 'ctl_role', name: '控制', permissions: ['customers.read'], dataScope: 'own' },
        status: 201,
      },
    ],
  },

  'PATCH /api/v1/roles/:key': {
    attempts: () => [
      ...BOTH.flatMap((who): Attempt[] => [
        {
          who,
          what: 'add users.write + audit.export and scope all to own role',
          url: `/api/v1/roles/${ownRole(who)}`,
          body: { permissions: [...STRONG, 'audit.export'], dataScope: 'all' },
        },
        { who, what: 'rename own role', url: `/api/v1/roles/${ownRole(who)}`, body: { name: '改名' } },
      ]),
      ...both({ what: 'narrow the target’s role', url: '/api/v1/roles/esc_strong', body: { permissions: [] } }),
      ...both({
        what: 'widen the built-in agent role',
        url: '/api/v1/roles/agent',
        body: { permissions: ['customers.read', 'users.write'] },
      }),
      ...both({ what: 'rename the administrator role', url: '/api/v1/roles/admin', body: { name: '我的' } }),
      ...both({
        what: 'widen an unused role beyond oneself',
        url: '/api/v1/roles/esc_spare',
        body: { permissions: [...STRONG, 'audit.export'] },
      }),
      {
        who: 'smaller',
        what: 'narrow a role bigger than one’s own',
        url: '/api/v1/roles/esc_spare',
        body: { permissions: [] },
      },
    ],
    controls: () => [
      {
        who: 'smaller',
        what: 'rename a plain role',
        url: '/api/v1/roles/esc_plain',
        body: { name: '普通角色' },
        status: 200,
      },
    ],
  },

  'DELETE /api/v1/roles/:key': {
    attempts: () => [
      ...BOTH.map((who) => ({ who, what: 'delete own role', url: `/api/v1/roles/${ownRole(who)}` })),
      { who: 'smaller', what: 'delete the target’s role', url: '/api/v1/roles/esc_strong' },
      { who: 'smaller', what: 'delete a role bigger than one’s own', url: '/api/v1/roles/esc_spare' },
      ...both({
        what: 'delete the built-in agent role',
        url: '/api/v1/roles/agent',
        also: [{ status: 409, code: 'roles.system_role' }],
      }),
    ],
    controls: () => [{ who: 'smaller', what: 'delete one’s own creation', url: '/api/v1/roles/ctl_role', status: 204 }],
  },

  'POST /api/v1/auth/password': {
    // Changes the caller's own password only, with the current one; there is no way to name another user.
    attempts: (w) => [
      ...both({
        what: 'change a password naming the target',
        url: '/api/v1/auth/password',
        body: { userId: w.id.target, currentPassword: 'Passw0rd!', newPassword: 'Hijack2026x' },
        also: [strictBody],
      }),
      ...both({
        what: 'change own password without knowing it',
        url: '/api/v1/auth/password',
        body: { currentPassword: 'guess-guess-1', newPassword: 'Hijack2026x' },
        also: [{ status: 400, code: 'auth.wrong_password' }],
      }),
    ],
  },

  'PATCH /api/v1/auth/me': {
    attempts: (w) =>
      [{ roleKey: 'admin' }, { departmentId: w.office }, { superiorId: null }, { isActive: true }].flatMap((body) =>
        both({ what: `own profile: ${Object.keys(body)[0]}`, url: '/api/v1/auth/me', body, also: [strictBody] }),
      ),
  },

  'POST /api/v1/handovers': {
    attempts: (w) =>
      (['target', 'admin', 'gm'] as const).flatMap((whom) =>
        both({
          what: `hand over and disable ${whom}`,
          url: '/api/v1/handovers',
          body: {
            fromUserId: w.id[whom],
            toUserId: w.id.plain,
            reason: '离职',
            notifyCustomers: false,
            deactivateFrom: true,
          },
        }),
      ),
    controls: (w) => [
      {
        who: 'smaller',
        what: 'hand over and disable a plain user',
        url: '/api/v1/handovers',
        body: {
          fromUserId: w.id.plain,
          toUserId: w.id.smaller,
          reason: '离职',
          notifyCustomers: false,
          deactivateFrom: true,
        },
        status: 201,
      },
    ],
  },
};

function newUser(overrides: Record<string, unknown>) {
  return {
    username: 'esc_created',
    displayName: '新人',
    password: 'Passw0rd1',
    roleKey: 'esc_strong',
    ...overrides,
  };
}
