import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ErlangCQuerySchema, ErlangCSchema, IntradayQuerySchema, IntradaySchema } from './staffing.schemas.js';
import { erlangCFor, intraday } from './staffing.service.js';

/** /api/v1/staffing: Erlang C for one interval and the intraday forecast of a day. */
export const staffingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/erlang-c',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'getErlangC',
        summary:
          'Erlang C for one interval: traffic, the smallest number of agents meeting the service-level target and occupancy cap, agents to schedule after shrinkage, waiting probability, service level, ASA, occupancy',
        querystring: ErlangCQuerySchema,
        response: { 200: ErlangCSchema, ...problems },
      },
    },
    async (request) => erlangCFor(request.query),
  );

  app.get(
    '/intraday',
    {
      config: { access: 'calls.read' },
      schema: {
        operationId: 'getStaffingIntraday',
        summary:
          'Forecast calls per half hour of a day from the same kind of past days (holidays and 调休 make-up days by the business calendar), with the agents Erlang C needs',
        querystring: IntradayQuerySchema,
        response: { 200: IntradaySchema, ...problems },
      },
    },
    async (request) => intraday(deps, actorContext(request).actor, request.query),
  );
};
