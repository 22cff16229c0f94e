import { normalizeForMatch } from '@kefu/shared';
import type { DbOrTx } from '../client.js';
import { cannedReplies, forbiddenPhrases, servicePhrases } from '../schema/index.js';
import { DEMO_CANNED_REPLIES, STARTER_FORBIDDEN_PHRASES, STARTER_SERVICE_PHRASES } from './phrases.data.js';

/**
 * Base data every install needs (run once, then the administrators' list): the standard phrase
 * library and the forbidden-phrase list with approved alternatives.
 */
export async function seedServiceStandards(db: DbOrTx): Promise<void> {
  const order = new Map<string, number>();
  await db.insert(servicePhrases).values(
    STARTER_SERVICE_PHRASES.map((p) => {
      const sortOrder = (order.get(p.category) ?? 0) + 10;
      order.set(p.category, sortOrder);
      return { category: p.category, text: p.text, textEn: p.textEn, sortOrder };
    }),
  );
  await db
    .insert(forbiddenPhrases)
    .values(
      STARTER_FORBIDDEN_PHRASES.map((p) => ({
        phrase: p.phrase,
        normalized: normalizeForMatch(p.phrase),
        alternative: p.alternative,
        exceptions: p.exceptions ?? [],
        category: p.category,
        severity: p.severity,
      })),
    )
    .onConflictDoNothing();
}

/** Demo: shared canned replies using the ticket variables. */
export async function seedDemoCannedReplies(db: DbOrTx): Promise<void> {
  await db.insert(cannedReplies).values(DEMO_CANNED_REPLIES.map((r) => ({ ...r, isShared: true })));
}
