// Module boundaries of the server (issue 11, CODE_STYLE.md "Modules and boundaries"), run by
// `npm run check` (`npm run boundaries`). Four rules, on import paths (type-only imports count):
// 1. a module reaches another module only through that module's public API, `modules/<m>/index.ts`
//    — never its tables (`*.tables.ts`), repositories, rules or any other internal file;
// 2. tables are imported only by their own module: the index of every table (`db/schema`) is
//    for drizzle, the seed, the bench and tests, never for a module;
// 3. a module manifest (`<m>.module.ts`, the app-facing entry) is imported only by the module list
//    (`modules/index.ts`) or by another manifest of its own module;
// 4. the server's platform code (lib, db, events, jobs, plugins, config) does not import modules
//    (the auth plugin uses modules/auth/index.ts), and the server never imports the web app.
// Allowed everywhere: tests and test set-ups (they may build records through any table), and
// `*.tables.ts` files referencing another module's table in a foreign key.
const SERVER = '^apps/server/src/';
const TESTS = ['\\.test\\.ts$', '\\.test-setup\\.ts$', '^apps/server/test/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-public-api',
      severity: 'error',
      comment:
        'A module imports another module only through its public API modules/<other>/index.ts: export what it needs from there (e.g. customers: customerScope, tickets: openTicketSql).',
      from: { path: `${SERVER}modules/([^/]+)/`, pathNot: ['\\.tables\\.ts$', ...TESTS] },
      to: {
        path: `${SERVER}modules/[^/]+/`,
        pathNot: [`${SERVER}modules/$1/`, `${SERVER}modules/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'tables-reference-tables-only',
      severity: 'error',
      comment: 'A *.tables.ts may reference another module’s *.tables.ts in a foreign key, nothing else of it.',
      from: { path: `${SERVER}modules/([^/]+)/.+\\.tables\\.ts$` },
      to: {
        path: `${SERVER}modules/[^/]+/`,
        pathNot: [`${SERVER}modules/$1/`, `${SERVER}modules/[^/]+/index\\.ts$`, '\\.tables\\.ts$'],
      },
    },
    {
      name: 'tables-of-own-module-only',
      severity: 'error',
      comment:
        'db/schema re-exports every module’s tables for drizzle; a module imports its own *.tables.ts and reaches other data through the owning module’s index.ts.',
      from: { path: `${SERVER}modules/`, pathNot: TESTS },
      to: { path: `${SERVER}db/schema/` },
    },
    {
      name: 'manifest-only-in-module-list',
      severity: 'error',
      comment: 'A module manifest (<m>.module.ts) is imported only by modules/index.ts (or a manifest of its module).',
      from: {
        path: SERVER,
        pathNot: [`${SERVER}modules/index\\.ts$`, `${SERVER}modules/[^/]+/.*\\.module\\.ts$`, ...TESTS],
      },
      to: { path: `${SERVER}modules/[^/]+/.*\\.module\\.ts$` },
    },
    {
      name: 'platform-not-modules',
      severity: 'error',
      comment:
        'Platform code (lib, events, jobs, plugins, config, db except the schema index and the seed) does not depend on modules; modules register into it. The one exception: the auth plugin resolves the actor through modules/auth/index.ts.',
      from: {
        path: `${SERVER}(lib|events|jobs|plugins|config|db)/`,
        pathNot: [`${SERVER}db/schema/index\\.ts$`, `${SERVER}db/seed/`, ...TESTS],
      },
      to: { path: `${SERVER}modules/`, pathNot: `${SERVER}modules/auth/index\\.ts$` },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      comment: 'The server and the shared package never import the web app.',
      from: { path: '^(apps/server|packages/shared)/' },
      to: { path: '^apps/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/'] },
    tsPreCompilationDeps: true,
  },
};
