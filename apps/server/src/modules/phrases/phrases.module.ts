import type { ModuleManifest } from '../../lib/module.js';
import { forbiddenPhrasesRoutes } from './forbidden.routes.js';
import { cannedRepliesRoutes, phrasesRoutes } from './phrases.routes.js';

export const phrasesModule: ModuleManifest = {
  name: 'phrases',
  description: 'Service standards: standard phrases, canned replies, forbidden phrases and their review',
  routes: [
    { plugin: phrasesRoutes, prefix: '/api/v1/phrases' },
    { plugin: cannedRepliesRoutes, prefix: '/api/v1/canned-replies' },
    { plugin: forbiddenPhrasesRoutes, prefix: '/api/v1/forbidden-phrases' },
  ],
  permissions: ['phrases.read', 'phrases.manage', 'phrases.review'],
  errors: [
    'phrases.not_found',
    'phrases.canned_reply_not_found',
    'phrases.unknown_variable',
    'phrases.forbidden_not_found',
    'phrases.forbidden_duplicate',
    'phrases.forbidden_empty',
    'phrases.exception_invalid',
    'phrases.override_not_found',
    'phrases.override_reviewed',
  ],
};
