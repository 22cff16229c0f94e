import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config/config.js';
import { type Database, openDatabase } from './db/client.js';
import { OutboxDispatcher } from './events/dispatcher.js';
import type { JobDefinition } from './jobs/definition.js';
import { JobRunner } from './jobs/runner.js';
import type { ChannelAdapter } from './lib/channel-adapter.js';
import type { Deps } from './lib/deps.js';
import { createFileStore } from './lib/file-store/index.js';
import { allChannels, allJobs, allListeners } from './lib/module.js';
import { openApiTransform, openApiTransformObject } from './lib/openapi.js';
import { databaseRateLimitStore } from './lib/rate-limit-store.js';
import { MODULES } from './modules/index.js';
import { authPlugin } from './plugins/auth.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { moduleTags, registerModules } from './plugins/modules.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { textInputPlugin } from './plugins/text-input.js';
import { webStaticPlugin } from './plugins/web-static.js';
import { VERSION } from './version.js';

export { VERSION };

export type BuildOptions = {
  /** An already open (and migrated) database; otherwise one is opened from `config` and closed with the app. */
  database?: Database;
  /** Extra job definitions (tests). */
  jobs?: JobDefinition[];
  /** Delivery adapters replacing (or adding to) the modules' for their channels (tests: a recording adapter). */
  channels?: ChannelAdapter[];
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The whole server as a Fastify instance: what `main.ts` listens with and what tests inject into. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: 1024 * 1024,
    // A hop count is valid at run time (proxy-addr); the typings only list boolean | string.
    trustProxy: config.trustProxy as boolean | string,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: a text/plain body is a 415 like any other type, not a string to validate.
  app.removeContentTypeParser('text/plain');

  const database = options.database ?? (await openDatabase(config.database, app.log as never));
  const outbox = new OutboxDispatcher({ database, config, logger: app.log as never });
  const jobs = new JobRunner({
    database,
    config,
    logger: app.log as never,
    definitions: [...allJobs(MODULES), ...(options.jobs ?? [])],
  });
  // Files (attachments) in the store every instance reaches: PostgreSQL, a directory or S3 (ADR 0008).
  const files = createFileStore(config.files.store, database);
  await files.verify();
  const channels = new Map(allChannels(MODULES));
  for (const adapter of options.channels ?? []) channels.set(adapter.channel, adapter);
  const deps: Deps = { config, database, outbox, jobs, files, channels };
  app.decorate('deps', deps);

  OutboxDispatcher.register(allListeners(MODULES));

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { config });
  await app.register(textInputPlugin);
  await app.register(cookie);
  // Counted in the database, so that a limit holds across instances (ADR 0008).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database) });
  await app.register(authPlugin, { deps });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kefu API',
        version: VERSION,
        description: 'Kefu (客服) REST API. Errors are application/problem+json.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/', description: 'This Kefu instance (paths start at its base URL)' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kefu_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
      tags: moduleTags(MODULES),
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // Every module's routes (one scope and one OpenAPI tag per module), record audiences and start hooks.
  const stopModules = await registerModules(app, MODULES, { deps, log: app.log });

  await app.register(webStaticPlugin, { root: config.webDist ?? DEFAULT_WEB_DIST });

  if (config.jobs.enabled) await jobs.start(deps);
  if (config.outbox.enabled) await outbox.start(deps);

  app.addHook('onClose', async () => {
    await outbox.stop();
    await jobs.stop();
    await stopModules();
    await files.close();
    if (!options.database) await database.close();
  });
  return app;
}
