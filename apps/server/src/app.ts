import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config/config.js';
import { type Database, openDatabase } from './db/client.js';
import { EventBus } from './events/bus.js';
import type { JobDefinition } from './jobs/definition.js';
import { jobDefinitions } from './jobs/registry.js';
import { JobRunner } from './jobs/runner.js';
import { registerRecordAudience } from './lib/data-scope.js';
import type { Deps } from './lib/deps.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { accountUnlockRoutes } from './modules/auth/unlock.routes.js';
import { customerAudiences } from './modules/customers/archive/customers.audience.js';
import { customersRoutes } from './modules/customers/archive/customers.routes.js';
import { customerMergeRoutes } from './modules/customers/duplicates/merge.routes.js';
import { customerEvaluationRoutes, customerGradingRoutes } from './modules/customers/grading/grading.routes.js';
import { customerReportsRoutes } from './modules/customers/grading/reports.routes.js';
import { customerImportsRoutes } from './modules/customers/import-export/import.routes.js';
import { customerRecordsRoutes } from './modules/customers/records/customer-records.routes.js';
import { customerFiguresRoutes } from './modules/customers/records/figures.routes.js';
import { customerSettingsRoutes } from './modules/customers/settings/settings.routes.js';
import { departmentsRoutes } from './modules/departments/departments.routes.js';
import { handoverAudiences } from './modules/handover/handover.audience.js';
import { handoverRoutes } from './modules/handover/handover.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { forbiddenPhrasesRoutes } from './modules/phrases/forbidden.routes.js';
import { cannedRepliesRoutes, phrasesRoutes } from './modules/phrases/phrases.routes.js';
import { RealtimeHub } from './modules/realtime/realtime.hub.js';
import { registerRealtimeListeners } from './modules/realtime/realtime.listeners.js';
import { realtimeRoutes } from './modules/realtime/realtime.routes.js';
import { rolesRoutes } from './modules/roles/roles.routes.js';
import { savedViewsRoutes } from './modules/saved-views/saved-views.routes.js';
import { agentsRoutes } from './modules/tickets/assignment/agents.routes.js';
import { ticketAssignmentRoutes } from './modules/tickets/assignment/assignment.routes.js';
import { ticketAttachmentsRoutes } from './modules/tickets/conversation/attachments.routes.js';
import { registerTicketListeners } from './modules/tickets/conversation/tickets.listeners.js';
import {
  improvementMeasureAudiences,
  ticketAttachmentAudiences,
  ticketAudiences,
} from './modules/tickets/core/tickets.audience.js';
import { ticketsRoutes } from './modules/tickets/core/tickets.routes.js';
import { improvementMeasuresRoutes, ticketMeasuresRoutes } from './modules/tickets/measures/measures.routes.js';
import { ticketReportsRoutes } from './modules/tickets/measures/reports.routes.js';
import { ticketLinksRoutes } from './modules/tickets/relations/links.routes.js';
import { ticketMergeRoutes } from './modules/tickets/relations/merge.routes.js';
import { ticketSettingsRoutes } from './modules/tickets/settings/settings.routes.js';
import { userAudiences } from './modules/users/users.audience.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { authPlugin } from './plugins/auth.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { textInputPlugin } from './plugins/text-input.js';
import { webStaticPlugin } from './plugins/web-static.js';

export const VERSION = '0.1.0';

export type BuildOptions = {
  /** An already open (and migrated) database; otherwise one is opened from `config` and closed with the app. */
  database?: Database;
  /** Extra job definitions (tests). */
  jobs?: JobDefinition[];
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
  const bus = new EventBus(app.log as never);
  const jobs = new JobRunner({
    database,
    config,
    logger: app.log as never,
    definitions: [...jobDefinitions, ...(options.jobs ?? [])],
  });
  const deps: Deps = { config, database, bus, jobs };
  app.decorate('deps', deps);

  // Whom each kind of record concerns, told by its module: the audit log's and real time's data scope.
  registerRecordAudience('customer', customerAudiences);
  registerRecordAudience('ticket', ticketAudiences);
  registerRecordAudience('ticket_attachment', ticketAttachmentAudiences);
  registerRecordAudience('improvement_measure', improvementMeasureAudiences);
  registerRecordAudience('user', userAudiences);
  registerRecordAudience('agent', userAudiences);
  registerRecordAudience('handover', handoverAudiences);

  const hub = new RealtimeHub(database, app.log as never);
  await hub.start();
  registerRealtimeListeners(bus, hub);
  registerTicketListeners(bus, deps);

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { config });
  await app.register(textInputPlugin);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { deps });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kefu API',
        version: VERSION,
        description: 'Kefu (客服) REST API. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kefu_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { prefix: '/api', deps, version: VERSION });
  await app.register(authRoutes, { prefix: '/api/v1/auth', deps });
  await app.register(usersRoutes, { prefix: '/api/v1/users', deps });
  await app.register(accountUnlockRoutes, { prefix: '/api/v1/users', deps });
  await app.register(departmentsRoutes, { prefix: '/api/v1/departments', deps });
  await app.register(rolesRoutes, { prefix: '/api/v1', deps });
  await app.register(auditRoutes, { prefix: '/api/v1/audit', deps });
  await app.register(jobsRoutes, { prefix: '/api/v1/jobs', deps });
  await app.register(realtimeRoutes, { prefix: '/api/v1/realtime', hub });
  await app.register(customersRoutes, { prefix: '/api/v1/customers', deps });
  await app.register(customerRecordsRoutes, { prefix: '/api/v1/customers', deps });
  await app.register(customerMergeRoutes, { prefix: '/api/v1/customers', deps });
  await app.register(customerImportsRoutes, { prefix: '/api/v1/customer-imports', deps });
  await app.register(customerEvaluationRoutes, { prefix: '/api/v1/customers', deps });
  await app.register(customerFiguresRoutes, { prefix: '/api/v1/customers', deps });
  await app.register(customerSettingsRoutes, { prefix: '/api/v1/customer-settings', deps });
  await app.register(customerGradingRoutes, { prefix: '/api/v1/customer-grading', deps });
  await app.register(customerReportsRoutes, { prefix: '/api/v1/customer-reports', deps });
  await app.register(handoverRoutes, { prefix: '/api/v1/handovers', deps });
  await app.register(notificationsRoutes, { prefix: '/api/v1/notifications', deps });
  await app.register(savedViewsRoutes, { prefix: '/api/v1/saved-views', deps });
  await app.register(phrasesRoutes, { prefix: '/api/v1/phrases', deps });
  await app.register(cannedRepliesRoutes, { prefix: '/api/v1/canned-replies', deps });
  await app.register(forbiddenPhrasesRoutes, { prefix: '/api/v1/forbidden-phrases', deps });
  await app.register(ticketsRoutes, { prefix: '/api/v1/tickets', deps });
  await app.register(ticketMergeRoutes, { prefix: '/api/v1/tickets', deps });
  await app.register(ticketLinksRoutes, { prefix: '/api/v1/tickets', deps });
  await app.register(ticketMeasuresRoutes, { prefix: '/api/v1/tickets', deps });
  await app.register(ticketAttachmentsRoutes, { prefix: '/api/v1/tickets', deps });
  await app.register(improvementMeasuresRoutes, { prefix: '/api/v1/improvement-measures', deps });
  await app.register(ticketReportsRoutes, { prefix: '/api/v1/ticket-reports', deps });
  await app.register(ticketAssignmentRoutes, { prefix: '/api/v1/tickets', deps });
  await app.register(agentsRoutes, { prefix: '/api/v1/agents', deps });
  await app.register(ticketSettingsRoutes, { prefix: '/api/v1/ticket-settings', deps });

  await app.register(webStaticPlugin, { root: config.webDist ?? DEFAULT_WEB_DIST });

  if (config.jobs.enabled) await jobs.start(deps);

  app.addHook('onClose', async () => {
    await jobs.stop();
    await bus.drain();
    await hub.stop();
    if (!options.database) await database.close();
  });
  return app;
}
