import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import * as service from './forbidden.service.js';
import {
  CheckTextBodySchema,
  CheckTextResultSchema,
  CreateForbiddenPhraseBodySchema,
  ForbiddenOverrideSchema,
  ForbiddenPhraseSchema,
  IdParamsSchema,
  ListForbiddenPhrasesQuerySchema,
  ListOverridesQuerySchema,
  OverridePageSchema,
  ReviewOverrideBodySchema,
  UpdateForbiddenPhraseBodySchema,
} from './phrases.schemas.js';

/** Forbidden phrases (服务忌语), the check, and the review of overrides: /api/v1/forbidden-phrases/… */
export const forbiddenPhrasesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'listForbiddenPhrases',
        summary: 'The forbidden phrases with their approved alternatives (the browser builds its matcher from this)',
        querystring: ListForbiddenPhrasesQuerySchema,
        response: { 200: z.object({ items: z.array(ForbiddenPhraseSchema) }), ...problems },
      },
    },
    async (request) => service.listForbiddenPhrases(deps, request.query),
  );

  app.post(
    '',
    {
      config: { access: 'phrases.manage' },
      schema: {
        tags: ['phrases'],
        operationId: 'createForbiddenPhrase',
        summary: 'Add a forbidden phrase ("never say …, say instead …")',
        body: CreateForbiddenPhraseBodySchema,
        response: { 201: ForbiddenPhraseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createForbiddenPhrase(deps, actorContext(request), request.body)),
  );

  app.post(
    '/check',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'checkForbiddenPhrases',
        summary: 'Check a text: forbidden-phrase hits with offsets into the text and the approved alternatives',
        body: CheckTextBodySchema,
        response: { 200: CheckTextResultSchema, ...problems },
      },
    },
    async (request) => service.checkText(deps, request.body.text),
  );

  app.get(
    '/overrides',
    {
      config: { access: 'phrases.review' },
      schema: {
        tags: ['phrases'],
        operationId: 'listForbiddenPhraseOverrides',
        summary: 'Replies sent despite forbidden phrases, by authors in my data scope (default: not yet reviewed)',
        querystring: ListOverridesQuerySchema,
        response: { 200: OverridePageSchema, ...problems },
      },
    },
    async (request) => service.listOverrides(deps, actorContext(request).actor, request.query),
  );

  app.post(
    '/overrides/:id/review',
    {
      config: { access: 'phrases.review' },
      schema: {
        tags: ['phrases'],
        operationId: 'reviewForbiddenPhraseOverride',
        summary: 'Mark an override reviewed, with an optional note',
        params: IdParamsSchema,
        body: ReviewOverrideBodySchema,
        response: { 200: ForbiddenOverrideSchema, ...problems },
      },
    },
    async (request) => service.reviewOverride(deps, actorContext(request), request.params.id, request.body.note),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'phrases.manage' },
      schema: {
        tags: ['phrases'],
        operationId: 'updateForbiddenPhrase',
        summary: 'Edit, enable or disable a forbidden phrase',
        params: IdParamsSchema,
        body: UpdateForbiddenPhraseBodySchema,
        response: { 200: ForbiddenPhraseSchema, ...problems },
      },
    },
    async (request) => service.updateForbiddenPhrase(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { access: 'phrases.manage' },
      schema: {
        tags: ['phrases'],
        operationId: 'deleteForbiddenPhrase',
        summary: 'Delete a forbidden phrase',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteForbiddenPhrase(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
