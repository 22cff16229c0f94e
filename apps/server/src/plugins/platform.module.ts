import type { ModuleManifest } from '../lib/module.js';

/**
 * What belongs to no module: the error codes of the HTTP layer (`plugins/`: validation, auth,
 * CSRF, rate limit, error handler) and of the shared file reader (`lib/files`). First in the list.
 */
export const platformModule: ModuleManifest = {
  name: 'platform',
  errors: [
    'validation_failed',
    'invalid_json',
    'payload_too_large',
    'unsupported_media_type',
    'not_found',
    'route_not_found',
    'unauthenticated',
    'forbidden',
    'csrf_failed',
    'origin_forbidden',
    'invalid_text',
    'rate_limited',
    'conflict',
    'internal',
    'database_unavailable',
    'files.entry_too_large',
    'files.compression_ratio',
    'files.shared_strings_too_large',
    'files.shared_string_too_long',
    'files.too_many_entries',
    'files.too_many_rows',
    'files.too_many_columns',
    'files.cell_too_long',
    'files.invalid_utf8',
  ],
};
