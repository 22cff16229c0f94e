import type { Locale, RouteAccess } from '@kefu/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorContext } from '../plugins/auth.js';
import type { RequestContext } from './actor.js';
import type { Deps } from './deps.js';
import type { DeleteResult } from './keyed-settings.js';
import { problems } from './route-helpers.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
type Operation = { operationId: string; summary: string };

/** The use cases of one keyed list, as `keyedSettings` (lib/keyed-settings.ts) returns them. */
export type KeyedSettingsService<Create, Update> = {
  list(deps: Deps, locale: Locale, activeOnly?: boolean): Promise<{ items: unknown[] }>;
  create(deps: Deps, ctx: RequestContext, input: Create): Promise<unknown>;
  update(deps: Deps, ctx: RequestContext, key: string, input: Update): Promise<unknown>;
  remove(deps: Deps, ctx: RequestContext, key: string): Promise<DeleteResult>;
};

export type KeyedSettingsRoutes<
  Create extends z.ZodType,
  Update extends z.ZodType,
  Query extends z.ZodType<{ activeOnly?: boolean | undefined }>,
  Params extends z.ZodType<{ key: string }>,
> = {
  /** The list's path below the module's prefix, e.g. `/types`; items are at `${path}/:key`. */
  path: string;
  tags: string[];
  /** Who reads the list (forms and filters need it) and who edits it. */
  access: { read: RouteAccess; write: RouteAccess };
  schemas: { item: z.ZodType; create: Create; update: Update; query: Query; params: Params; deleted: z.ZodType };
  service: KeyedSettingsService<z.output<Create>, z.output<Update>>;
  /** The OpenAPI operations: their ids are part of the contract of the API. */
  operations: { list: Operation; create: Operation; update: Operation; delete: Operation };
};

/**
 * The four routes of a keyed settings list (ticket types, root causes, customer categories,
 * milestone types…): GET `path` (localized, `?activeOnly`), POST `path` (201), PATCH `path/:key`
 * and DELETE `path/:key` (deleted, or deactivated when in use). The services audit every write.
 */
export function keyedSettingsRoutes<
  Create extends z.ZodType,
  Update extends z.ZodType,
  Query extends z.ZodType<{ activeOnly?: boolean | undefined }>,
  Params extends z.ZodType<{ key: string }>,
>(app: App, deps: Deps, spec: KeyedSettingsRoutes<Create, Update, Query, Params>): void {
  const { path, tags, schemas, service, operations } = spec;
  // The type provider cannot resolve a generic schema's output inside this function, so the
  // handlers name it (`as z.output<…>`); Fastify has validated the request against that schema.
  const read = { access: spec.access.read };
  const write = { access: spec.access.write };

  app.get(
    path,
    {
      config: read,
      schema: {
        tags,
        ...operations.list,
        querystring: schemas.query,
        response: { 200: z.object({ items: z.array(schemas.item) }), ...problems },
      },
    },
    async (request) => service.list(deps, request.locale, (request.query as z.output<Query>).activeOnly),
  );

  app.post(
    path,
    {
      config: write,
      schema: { tags, ...operations.create, body: schemas.create, response: { 201: schemas.item, ...problems } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(deps, actorContext(request), request.body as z.output<Create>)),
  );

  app.patch(
    `${path}/:key`,
    {
      config: write,
      schema: {
        tags,
        ...operations.update,
        params: schemas.params,
        body: schemas.update,
        response: { 200: schemas.item, ...problems },
      },
    },
    async (request) =>
      service.update(
        deps,
        actorContext(request),
        (request.params as z.output<Params>).key,
        request.body as z.output<Update>,
      ),
  );

  app.delete(
    `${path}/:key`,
    {
      config: write,
      schema: {
        tags,
        ...operations.delete,
        params: schemas.params,
        response: { 200: schemas.deleted, ...problems },
      },
    },
    async (request) => service.remove(deps, actorContext(request), (request.params as z.output<Params>).key),
  );
}
