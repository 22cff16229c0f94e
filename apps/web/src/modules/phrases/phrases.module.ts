import { page, type WebModule } from '../../webModule';

/**
 * Service standards: the phrase library, canned replies and forbidden phrases are open to everyone
 * who replies (editing needs phrases.manage); the review of overrides is for supervisors.
 */
export const phrasesModule: WebModule = {
  name: 'phrases',
  namespaces: ['phrases'],
  routes: [
    {
      path: '/service-standards',
      order: 30,
      nameKey: 'serviceStandards',
      access: 'phrases.read',
      children: [
        {
          path: '/service-standards/phrases',
          nameKey: 'servicePhrases',
          access: 'phrases.read',
          element: page(() => import('./ServicePhrasesPage'), 'ServicePhrasesPage'),
        },
        {
          path: '/service-standards/canned-replies',
          nameKey: 'cannedReplies',
          access: 'phrases.read',
          element: page(() => import('./CannedRepliesPage'), 'CannedRepliesPage'),
        },
        {
          path: '/service-standards/forbidden-phrases',
          nameKey: 'forbiddenPhrases',
          access: 'phrases.read',
          element: page(() => import('./ForbiddenPhrasesPage'), 'ForbiddenPhrasesPage'),
        },
        {
          path: '/service-standards/overrides',
          nameKey: 'forbiddenOverrides',
          access: 'phrases.review',
          element: page(() => import('./OverridesPage'), 'OverridesPage'),
        },
      ],
    },
  ],
};
