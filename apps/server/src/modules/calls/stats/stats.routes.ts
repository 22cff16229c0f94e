import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { CallSettingsPatchSchema, CallSettingsSchema } from './settings.schemas.js';
import { getCallSettings, updateCallSettings } from './settings.service.js';
import { CallStatsQuerySchema, CallStatsSchema, CallTrendQuerySchema, CallTrendSchema } from './stats.schemas.js';
import { callStats, callTrend } from './stats.service.js';

/** /api/v1/call-stats: the call-centre KPIs of a period and their trend. */
export const statsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'getCallStats',
        summary:
          'Call-centre KPIs of a period (from inclusive, to exclusive) per queue, per agent and in total; each field’s description is its definition',
        querystring: CallStatsQuerySchema,
        response: { 200: CallStatsSchema, ...problems },
      },
    },
    async (request) => callStats(deps, actorContext(request).actor, request.query),
  );

  app.get(
    '/trend',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'getCallTrend',
        summary: 'Offered, answered, service level, answer and abandon rates and talk time per day, week or month',
        querystring: CallTrendQuerySchema,
        response: { 200: CallTrendSchema, ...problems },
      },
    },
    async (request) => callTrend(deps, actorContext(request).actor, request.query),
  );
};

/** /api/v1/call-settings: KPI targets (seed 002's figures as defaults), thresholds, abandoned-call callbacks. */
export const callSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'getCallSettings',
        summary: 'The KPI targets, the service-level and short-abandon thresholds and the abandoned-call callback rule',
        response: { 200: CallSettingsSchema, ...problems },
      },
    },
    async () => getCallSettings(deps),
  );

  app.patch(
    '',
    {
      config: { access: 'calls.manage' },
      schema: {
        operationId: 'updateCallSettings',
        summary: 'Change KPI targets and thresholds (with the version read; ranges keep min ≤ max)',
        body: CallSettingsPatchSchema,
        response: { 200: CallSettingsSchema, ...problems },
      },
    },
    async (request) => updateCallSettings(deps, actorContext(request), request.body),
  );
};
