import { type ErrorCode, errorMessage, type Locale, type Problem } from '@kefu/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isConnectionError, sqlState } from '../db/client.js';
import { AppError, type FieldIssue } from '../lib/app-error.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });

const zodLocales: Record<Locale, ReturnType<typeof z.locales.en>> = {
  'zh-CN': z.locales.zhCN(),
  en: z.locales.en(),
};

function localizeIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  const message = zodLocales[locale].localeError?.(issue as never);
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && 'message' in message) return String(message.message);
  return issue.message;
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  params: Record<string, unknown> = {},
  errors?: FieldIssue[],
) {
  const locale = request.locale ?? 'zh-CN';
  const body: Problem = {
    type: `https://kefu.dev/problems/${code}`,
    title: code,
    status,
    code,
    detail: errorMessage(code, locale, params),
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId: request.id,
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/**
 * The one error handler: every failure becomes `application/problem+json` with a stable `code`,
 * a message in the request's language and field-level details. 5xx bodies never leak internals.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 404, 'route_not_found', { method: request.method, url: request.url.split('?')[0] }),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = request.locale ?? 'zh-CN';
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.code, error.params, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const prefix = context === 'body' ? '' : context;
      const sources = {
        body: request.body,
        querystring: request.query,
        params: request.params,
        headers: request.headers,
      };
      const fields = error.validation.flatMap((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        // Zod leaves the offending value out of its issues; put it back, or "received …" always reads "undefined".
        const input = path.reduce<unknown>(
          (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
          sources[context],
        );
        const issue = { ...v.params, code: v.keyword, path, message: v.message, input } as unknown as z.core.$ZodIssue;
        const message = localizeIssue(issue, locale);
        // An unknown key is reported on the object that holds it; name each key, so that the caller sees which.
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({ path: joinPath(prefix, [...path, key]), message }));
        }
        return [{ path: joinPath(prefix, path), message }];
      });
      return sendProblem(request, reply, 400, 'validation_failed', {}, fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response does not match its schema');
      return sendProblem(request, reply, 500, 'internal', { requestId: request.id });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 400, 'invalid_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 413, 'payload_too_large', { limit: `${app.initialConfig.bodyLimit} B` });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, 415, 'unsupported_media_type', {
          type: request.headers['content-type'] ?? '-',
        });
    }
    if (error instanceof SyntaxError && error.statusCode === 400)
      return sendProblem(request, reply, 400, 'invalid_json');
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'rate_limited', { retryAfter: reply.getHeader('retry-after') ?? 60 });
    }
    if (isConnectionError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendProblem(request, reply, 503, 'database_unavailable');
    }
    if (sqlState(error) === '23505') return sendProblem(request, reply, 409, 'conflict');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return sendProblem(request, reply, error.statusCode, 'validation_failed', {}, [
        { path: '', message: error.message },
      ]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal', { requestId: request.id });
  });
});
