import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  CannedReplySchema,
  CreateCannedReplyBodySchema,
  CreateServicePhraseBodySchema,
  IdParamsSchema,
  ListCannedRepliesQuerySchema,
  ListServicePhrasesQuerySchema,
  ServicePhraseSchema,
  UpdateCannedReplyBodySchema,
  UpdateServicePhraseBodySchema,
} from './phrases.schemas.js';
import * as service from './phrases.service.js';

/** The standard phrase library (常用服务用语): /api/v1/phrases/… */
export const phrasesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'listPhrases',
        summary: 'Standard service phrases, by category; `q` searches text, English text and category',
        querystring: ListServicePhrasesQuerySchema,
        response: { 200: z.object({ items: z.array(ServicePhraseSchema) }), ...problems },
      },
    },
    async (request) => service.listServicePhrases(deps, request.query),
  );

  app.post(
    '',
    {
      config: { access: 'phrases.manage' },
      schema: {
        tags: ['phrases'],
        operationId: 'createPhrase',
        summary: 'Add a standard phrase',
        body: CreateServicePhraseBodySchema,
        response: { 201: ServicePhraseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createServicePhrase(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'phrases.manage' },
      schema: {
        tags: ['phrases'],
        operationId: 'updatePhrase',
        summary: 'Edit, enable or disable a standard phrase',
        params: IdParamsSchema,
        body: UpdateServicePhraseBodySchema,
        response: { 200: ServicePhraseSchema, ...problems },
      },
    },
    async (request) => service.updateServicePhrase(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { access: 'phrases.manage' },
      schema: {
        tags: ['phrases'],
        operationId: 'deletePhrase',
        summary: 'Delete a standard phrase',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteServicePhrase(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

/** Canned replies (快捷回复), shared or personal: /api/v1/canned-replies/… */
export const cannedRepliesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'listCannedReplies',
        summary: 'Shared canned replies and my personal ones; `q` searches title, body and category',
        querystring: ListCannedRepliesQuerySchema,
        response: { 200: z.object({ items: z.array(CannedReplySchema) }), ...problems },
      },
    },
    async (request) => service.listCannedReplies(deps, actorContext(request).actor, request.query),
  );

  app.post(
    '',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'createCannedReply',
        summary: 'Add a personal canned reply, or a shared one (needs phrases.manage)',
        body: CreateCannedReplyBodySchema,
        response: { 201: CannedReplySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCannedReply(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'updateCannedReply',
        summary: 'Edit my personal canned reply, or a shared one (needs phrases.manage)',
        params: IdParamsSchema,
        body: UpdateCannedReplyBodySchema,
        response: { 200: CannedReplySchema, ...problems },
      },
    },
    async (request) => service.updateCannedReply(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { access: 'phrases.read' },
      schema: {
        tags: ['phrases'],
        operationId: 'deleteCannedReply',
        summary: 'Delete my personal canned reply, or a shared one (needs phrases.manage)',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteCannedReply(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
