import type { ModuleManifest } from '../../lib/module.js';
import { purgeExpiredSessions } from './auth.jobs.js';
import { authRoutes } from './auth.routes.js';
import { accountUnlockRoutes } from './unlock.routes.js';

export const authModule: ModuleManifest = {
  name: 'auth',
  description: 'Sign-in and sign-out, sessions, password change, personal API tokens, the current user',
  routes: [
    { plugin: authRoutes, prefix: '/api/v1/auth' },
    { plugin: accountUnlockRoutes, prefix: '/api/v1/users' },
  ],
  errors: [
    'auth.invalid_credentials',
    'auth.account_locked',
    'auth.account_disabled',
    'auth.wrong_password',
    'auth.password_too_weak',
    'auth.token_not_found',
    'auth.session_required',
  ],
  events: ['auth.logged_in', 'auth.logged_out', 'auth.login_failed'],
  jobs: [purgeExpiredSessions],
};
