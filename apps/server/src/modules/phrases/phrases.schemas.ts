import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { FORBIDDEN_SEVERITIES } from './phrases.tables.js';

const SearchSchema = z.string().trim().max(100).optional();
const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ── standard phrases (常用服务用语) ─────────────────────────────────────────────

export const ServicePhraseSchema = z
  .object({
    id: z.uuid(),
    category: z.string(),
    text: z.string(),
    textEn: z.string().nullable(),
    sortOrder: z.number().int(),
    isActive: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ServicePhrase' });

export const ListServicePhrasesQuerySchema = z.object({
  q: SearchSchema,
  category: z.string().trim().max(32).optional(),
  /** Also disabled phrases (administration pages). */
  includeInactive: BooleanQuery.optional(),
});

export const CreateServicePhraseBodySchema = z.strictObject({
  category: z.string().trim().min(1).max(32),
  text: z.string().trim().min(1).max(500),
  textEn: z.string().trim().max(1000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  isActive: z.boolean().optional(),
});
export const UpdateServicePhraseBodySchema = CreateServicePhraseBodySchema.partial();
export type ServicePhraseInput = z.infer<typeof UpdateServicePhraseBodySchema>;

// ── canned replies (快捷回复) ───────────────────────────────────────────────────

export const CannedReplySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    category: z.string().nullable(),
    isShared: z.boolean(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    /** The caller may edit it: their own personal reply, or a shared one with `phrases.manage`. */
    canEdit: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CannedReply' });

export const ListCannedRepliesQuerySchema = z.object({
  q: SearchSchema,
  scope: z.enum(['all', 'shared', 'personal']).default('all'),
});

export const CreateCannedReplyBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1).max(4000),
  category: z.string().trim().max(32).nullable().optional(),
  /** Shared replies need `phrases.manage`; a personal one is only the caller's. */
  isShared: z.boolean().default(false),
});
export const UpdateCannedReplyBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(64).optional(),
  body: z.string().trim().min(1).max(4000).optional(),
  category: z.string().trim().max(32).nullable().optional(),
});
export type CannedReplyInput = z.infer<typeof UpdateCannedReplyBodySchema>;

// ── forbidden phrases (服务忌语) ────────────────────────────────────────────────

export const ForbiddenSeveritySchema = z.enum(FORBIDDEN_SEVERITIES);

export const ForbiddenPhraseSchema = z
  .object({
    id: z.uuid(),
    phrase: z.string(),
    alternative: z.string(),
    exceptions: z.array(z.string()),
    category: z.string().nullable(),
    severity: ForbiddenSeveritySchema.nullable(),
    isActive: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ForbiddenPhrase' });

export const ListForbiddenPhrasesQuerySchema = z.object({
  q: SearchSchema,
  includeInactive: BooleanQuery.optional(),
});

export const CreateForbiddenPhraseBodySchema = z.strictObject({
  phrase: z.string().trim().min(1).max(100),
  alternative: z.string().trim().min(1).max(500),
  exceptions: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  category: z.string().trim().max(32).nullable().optional(),
  severity: ForbiddenSeveritySchema.nullable().optional(),
  isActive: z.boolean().optional(),
});
export const UpdateForbiddenPhraseBodySchema = CreateForbiddenPhraseBodySchema.partial();
export type ForbiddenPhraseInput = z.infer<typeof UpdateForbiddenPhraseBodySchema>;

export const ForbiddenHitSchema = z
  .object({
    phraseId: z.uuid(),
    phrase: z.string(),
    alternative: z.string(),
    /** UTF-16 offsets into the checked text: `text.slice(start, end)` is `matched`. */
    start: z.number().int(),
    end: z.number().int(),
    matched: z.string(),
  })
  .meta({ id: 'ForbiddenHit' });

export const CheckTextBodySchema = z.strictObject({ text: z.string().max(20000) });
export const CheckTextResultSchema = z.object({ hits: z.array(ForbiddenHitSchema) });

// ── overrides (sent despite hits) ─────────────────────────────────────────────

export const ForbiddenOverrideSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    ref: z.string().nullable(),
    messageId: z.uuid().nullable(),
    authorId: z.uuid(),
    authorName: z.string(),
    hits: z.array(ForbiddenHitSchema),
    reason: z.string(),
    createdAt: z.date(),
    reviewedBy: z.uuid().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.date().nullable(),
    reviewNote: z.string().nullable(),
  })
  .meta({ id: 'ForbiddenOverride' });

export const ListOverridesQuerySchema = PageQuerySchema.extend({
  status: z.enum(['unreviewed', 'reviewed', 'all']).default('unreviewed'),
  authorId: z.uuid().optional(),
  ticketId: z.uuid().optional(),
});
export type ListOverridesQuery = z.infer<typeof ListOverridesQuerySchema>;
export const OverridePageSchema = pageOf(ForbiddenOverrideSchema);

export const ReviewOverrideBodySchema = z.strictObject({ note: z.string().trim().max(1000).optional() });

export const IdParamsSchema = z.object({ id: z.uuid() });
