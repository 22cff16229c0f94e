import { z } from 'zod';

/** The list pages whose filters can be saved as views. */
export const SAVED_VIEW_MODULES = ['customers', 'users', 'audit', 'tickets'] as const;
export type SavedViewModule = (typeof SAVED_VIEW_MODULES)[number];

const ModuleSchema = z.enum(SAVED_VIEW_MODULES);

/** A view's query: the list's filter values as the page sends them; kept small (it is stored per view). */
const QUERY_MAX_CHARS = 8000;
const QuerySchema = z
  .record(z.string().max(100), z.unknown())
  .refine((query) => JSON.stringify(query).length <= QUERY_MAX_CHARS, `at most ${QUERY_MAX_CHARS} characters as JSON`);

export const SavedViewSchema = z
  .object({
    id: z.uuid(),
    module: ModuleSchema,
    name: z.string(),
    query: z.record(z.string(), z.unknown()),
    isShared: z.boolean(),
    /** The caller's own view: only these can be replaced or deleted by the caller. */
    isOwn: z.boolean(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'SavedView' });

export type SavedViewDto = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ items: z.array(SavedViewSchema) });

export const ListSavedViewsQuerySchema = z.object({ module: ModuleSchema });

export const SaveViewBodySchema = z.strictObject({
  module: ModuleSchema,
  name: z.string().trim().min(1).max(64),
  query: QuerySchema,
  isShared: z.boolean().default(false),
});

export type SaveViewInput = z.infer<typeof SaveViewBodySchema>;

export const SavedViewIdParamsSchema = z.object({ id: z.uuid() });
