import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext, CSRF_COOKIE, SESSION_COOKIE } from '../../plugins/auth.js';
import { ProblemSchema } from '../../plugins/error-handler.js';
import {
  ApiTokenSchema,
  ChangePasswordBodySchema,
  CreatedTokenSchema,
  CreateTokenBodySchema,
  LoginBodySchema,
  MeSchema,
  UpdateMeBodySchema,
} from './auth.schemas.js';
import * as service from './auth.service.js';
import { getMe, updateMe } from './me.service.js';

export const authRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const secure = deps.config.baseUrl.startsWith('https://');
  const cookieOptions = { path: '/', sameSite: 'lax' as const, secure };

  app.post(
    '/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        operationId: 'signIn',
        summary: 'Sign in with username and password; sets the session and CSRF cookies',
        body: LoginBodySchema,
        response: {
          200: z.object({ user: MeSchema }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          423: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await service.login(deps, request.ctx(), request.body);
      reply
        .setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, httpOnly: true, expires: result.expiresAt })
        .setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false, expires: result.expiresAt });
      const me = await getMe(deps, result.userId, request.headers['accept-language'] ? request.locale : undefined);
      return { user: me };
    },
  );

  app.post(
    '/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'signOut',
        summary: 'Sign out (ends this session)',
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.logout(deps, request.ctx(), request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, cookieOptions).clearCookie(CSRF_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'getMe',
        summary: 'The signed-in user, role, permissions and data scope',
        response: { 200: MeSchema, ...problems },
      },
    },
    async (request) => getMe(deps, actorContext(request).actor.userId, request.locale),
  );

  app.patch(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'updateMe',
        summary: 'Change own display name or language',
        body: UpdateMeBodySchema,
        response: { 200: MeSchema, ...problems },
      },
    },
    async (request) => updateMe(deps, actorContext(request), request.body),
  );

  app.post(
    '/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'changeOwnPassword',
        summary: 'Change own password (browser session only; signs out the other sessions and revokes every API token)',
        body: ChangePasswordBodySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.changePassword(deps, actorContext(request), {
        ...request.body,
        sessionToken: request.cookies[SESSION_COOKIE],
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'listApiTokens',
        summary: 'List own API tokens',
        response: { 200: z.object({ items: z.array(ApiTokenSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await service.listApiTokens(deps, actorContext(request).actor) }),
  );

  app.post(
    '/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'createApiToken',
        summary: 'Create a personal API token (shown once; browser session only)',
        body: CreateTokenBodySchema,
        response: { 201: CreatedTokenSchema, ...problems },
      },
    },
    async (request, reply) => {
      // A token cannot mint further tokens: only a signed-in person can (403 auth.session_required).
      return reply.status(201).send(await service.createApiToken(deps, actorContext(request), request.body));
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'revokeApiToken',
        summary: 'Revoke an API token (browser session only)',
        params: z.object({ id: z.uuid() }),
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.revokeApiToken(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
