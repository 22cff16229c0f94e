import { page, type WebModule } from '../../webModule';

/** The login page is the shell's (routes.tsx: `LoginPage`); the account pages sit in the `/account` group. */
export const authModule: WebModule = {
  name: 'auth',
  namespaces: ['auth'],
  routes: [
    {
      path: '/account/profile',
      order: 10,
      nameKey: 'profile',
      element: page(() => import('./ProfilePage'), 'ProfilePage'),
    },
    {
      path: '/account/tokens',
      order: 20,
      nameKey: 'tokens',
      element: page(() => import('./ApiTokensPage'), 'ApiTokensPage'),
    },
  ],
};
