import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { CustomerIdParamsSchema } from '../archive/customers.schemas.js';
import {
  BandSchema,
  CreateRoundBodySchema,
  CriterionSchema,
  EvaluateBodySchema,
  EvaluationResultSchema,
  EvaluationSchema,
  GradeAtQuerySchema,
  GradeAtSchema,
  GradeHistoryEntrySchema,
  ListRoundsQuerySchema,
  ReplaceBandsBodySchema,
  ReplaceCriteriaBodySchema,
  RoundDetailSchema,
  RoundEvaluateBodySchema,
  RoundParamsSchema,
  RoundSchema,
} from './grading.schemas.js';
import * as service from './grading.service.js';

const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const tags = ['customer-grading'];

/**
 * The periodic weighted grade evaluation: /api/v1/customer-grading/{criteria,bands,rounds}.
 * Reads need `customers.read`; criteria and bands `customers.settings`; rounds and evaluations
 * `customers.evaluate`. Counts and evaluation lists cover the caller's data scope only.
 */
export const customerGradingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/criteria',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listGradingCriteria',
        summary: 'Evaluation criteria and their weights',
        response: { 200: listOf(CriterionSchema), ...problems },
      },
    },
    async (request) => service.listCriteria(deps, request.locale),
  );

  app.put(
    '/criteria',
    {
      config: { access: 'customers.settings' },
      schema: {
        tags,
        operationId: 'replaceGradingCriteria',
        summary: 'Replace the criteria and weights at once (active weights sum to exactly 100)',
        body: ReplaceCriteriaBodySchema,
        response: { 200: listOf(CriterionSchema), ...problems },
      },
    },
    async (request) => service.replaceCriteria(deps, actorContext(request), request.body.items),
  );

  app.get(
    '/bands',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listGradeBands',
        summary: 'Grade thresholds (lowest total for each grade)',
        response: { 200: listOf(BandSchema), ...problems },
      },
    },
    async () => service.listBands(deps),
  );

  app.put(
    '/bands',
    {
      config: { access: 'customers.settings' },
      schema: {
        tags,
        operationId: 'replaceGradeBands',
        summary: 'Replace the grade thresholds (strictly descending A > B > C > D ≥ 0)',
        body: ReplaceBandsBodySchema,
        response: { 200: listOf(BandSchema), ...problems },
      },
    },
    async (request) => service.replaceBands(deps, actorContext(request), request.body.items),
  );

  app.get(
    '/rounds',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listEvaluationRounds',
        summary: 'Evaluation rounds, latest period first',
        querystring: ListRoundsQuerySchema,
        response: { 200: pageOf(RoundSchema), ...problems },
      },
    },
    async (request) => {
      const { status, ...page } = request.query;
      return service.listRounds(deps, actorContext(request).actor, status, page);
    },
  );

  app.post(
    '/rounds',
    {
      config: { access: 'customers.evaluate' },
      schema: {
        tags,
        operationId: 'openEvaluationRound',
        summary: 'Open an evaluation round for a period',
        body: CreateRoundBodySchema,
        response: { 201: RoundDetailSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createRound(deps, actorContext(request), request.body)),
  );

  app.get(
    '/rounds/:roundId',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'getEvaluationRound',
        summary: 'A round with its progress (customers evaluated vs all, in the caller’s scope)',
        params: RoundParamsSchema,
        response: { 200: RoundDetailSchema, ...problems },
      },
    },
    async (request) => service.getRound(deps, actorContext(request).actor, request.params.roundId),
  );

  app.post(
    '/rounds/:roundId/close',
    {
      config: { access: 'customers.evaluate' },
      schema: {
        tags,
        operationId: 'closeEvaluationRound',
        summary: 'Close a round (no more evaluations in it)',
        params: RoundParamsSchema,
        response: { 200: RoundDetailSchema, ...problems },
      },
    },
    async (request) => service.closeRound(deps, actorContext(request), request.params.roundId),
  );

  app.get(
    '/rounds/:roundId/evaluations',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        operationId: 'listRoundEvaluations',
        summary: 'Evaluations recorded in a round (caller’s scope), newest first',
        params: RoundParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(EvaluationSchema), ...problems },
      },
    },
    async (request) => service.listRoundEvaluations(deps, actorContext(request), request.params.roundId, request.query),
  );

  app.post(
    '/rounds/:roundId/evaluations',
    {
      config: { access: 'customers.evaluate' },
      schema: {
        tags,
        operationId: 'evaluateCustomerInRound',
        summary: 'Evaluate a customer in a round (grade from the weighted total)',
        params: RoundParamsSchema,
        body: RoundEvaluateBodySchema,
        response: { 201: EvaluationResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { customerId, ...rest } = request.body;
      const result = await service.evaluateCustomer(deps, actorContext(request), {
        ...rest,
        customerId,
        roundId: request.params.roundId,
      });
      return reply.status(201).send(result);
    },
  );
};

/** Evaluations and grade history of one customer: /api/v1/customers/:id/{evaluations,grade-history,grade-at}. */
export const customerEvaluationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const customerTags = ['customers'];

  app.post(
    '/:id/evaluations',
    {
      config: { access: 'customers.evaluate' },
      schema: {
        tags: customerTags,
        operationId: 'evaluateCustomer',
        summary: 'Evaluate a customer outside any round (ad hoc)',
        params: CustomerIdParamsSchema,
        body: EvaluateBodySchema,
        response: { 201: EvaluationResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await service.evaluateCustomer(deps, actorContext(request), {
        ...request.body,
        customerId: request.params.id,
        roundId: null,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/:id/evaluations',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: customerTags,
        operationId: 'listCustomerEvaluations',
        summary: 'The customer’s evaluations, newest first',
        params: CustomerIdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: pageOf(EvaluationSchema), ...problems },
      },
    },
    async (request) => service.listCustomerEvaluations(deps, actorContext(request), request.params.id, request.query),
  );

  app.get(
    '/:id/grade-history',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: customerTags,
        operationId: 'listCustomerGradeHistory',
        summary: 'Every grade change of the customer, oldest first',
        params: CustomerIdParamsSchema,
        response: { 200: listOf(GradeHistoryEntrySchema), ...problems },
      },
    },
    async (request) => service.gradeHistory(deps, actorContext(request), request.params.id),
  );

  app.get(
    '/:id/grade-at',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: customerTags,
        operationId: 'getCustomerGradeAt',
        summary: 'The customer’s grade at a moment (null before the first grade)',
        params: CustomerIdParamsSchema,
        querystring: GradeAtQuerySchema,
        response: { 200: GradeAtSchema, ...problems },
      },
    },
    async (request) => service.gradeAt(deps, actorContext(request), request.params.id, new Date(request.query.at)),
  );
};
