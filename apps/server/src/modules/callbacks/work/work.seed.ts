import { and, asc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { callbacks, type StaffRating } from '../callbacks.tables.js';
import { callbackAttempts } from './work.tables.js';

const MINUTE = 60_000;

/** What studio customers said in the demo callbacks (satisfaction, opinion, ratings of the three staff roles). */
const OUTCOMES: { satisfaction: number; opinion: string; scores: [number, number, number] }[] = [
  { satisfaction: 5, opinion: '拍摄当天很顺利，化妆师很细心，样片效果超出预期。', scores: [5, 5, 5] },
  { satisfaction: 4, opinion: '整体满意，就是换装等待时间有点长。', scores: [4, 4, 5] },
  { satisfaction: 5, opinion: '门店顾问一直跟进，取件也很准时，会推荐朋友来。', scores: [5, 4, 4] },
  { satisfaction: 3, opinion: '样片挑选时间太紧，希望能多给一些时间考虑。', scores: [3, 4, 4] },
  { satisfaction: 4, opinion: '服务不错，精修稿比预计晚了两天。', scores: [4, 4, 3] },
  { satisfaction: 2, opinion: '摄影师态度比较冷淡，外景拍摄时间被压缩了。', scores: [3, 4, 2] },
];
const WRITE_UPS = [
  '三次致电均无人接听，已发短信告知回访目的，明日再联系。',
  '电话提示关机，已在微信留言，客户尚未回复。',
];
const ROLES = [
  { role: 'store_rep', name: '门店顾问 林悦' },
  { role: 'stylist', name: '化妆师 苏晴' },
  { role: 'photographer', name: '摄影师 高远' },
];

/**
 * Demo data for working callbacks, over the callbacks the plans' demo made: every fifth pending
 * callback due before `today` was not reached (three tries, written up), the others were done
 * half an hour after their scheduled time with an outcome (satisfaction, opinion, staff ratings)
 * — so the lists, the call screen's history and the report have realistic figures. Run after the
 * plans' demo; idempotent (only pending callbacks are touched).
 */
export async function seedCallbackWorkDemo(db: DbOrTx, today: string): Promise<void> {
  const rows = await db
    .select({ id: callbacks.id, assigneeId: callbacks.assigneeId, scheduledAt: callbacks.scheduledAt })
    .from(callbacks)
    .where(and(eq(callbacks.status, 'pending'), lt(callbacks.dueDate, today)))
    .orderBy(asc(callbacks.dueDate), asc(callbacks.id));
  for (const [i, row] of rows.entries()) {
    const start = row.scheduledAt.getTime();
    if (i % 5 === 4) {
      const tries = [0, 60, 300].map((m, k) => ({
        callbackId: row.id,
        number: k + 1,
        at: new Date(start + m * MINUTE),
        by: row.assigneeId,
        reached: false,
        note: k === 0 ? '无人接听' : null,
      }));
      await db.insert(callbackAttempts).values(tries);
      await db
        .update(callbacks)
        .set({ status: 'unreached', attempts: 3, reached: false, writeUp: WRITE_UPS[i % WRITE_UPS.length] })
        .where(eq(callbacks.id, row.id));
      continue;
    }
    const outcome = OUTCOMES[i % OUTCOMES.length] as (typeof OUTCOMES)[number];
    const at = new Date(start + 30 * MINUTE);
    const staffRatings: StaffRating[] = ROLES.map((r, k) => ({ ...r, userId: null, score: outcome.scores[k] ?? 4 }));
    await db.insert(callbackAttempts).values({ callbackId: row.id, number: 1, at, by: row.assigneeId, reached: true });
    await db
      .update(callbacks)
      .set({
        status: 'done',
        attempts: 1,
        reached: true,
        satisfaction: outcome.satisfaction,
        opinion: outcome.opinion,
        staffRatings,
        completedAt: at,
        completedBy: row.assigneeId,
      })
      .where(eq(callbacks.id, row.id));
  }
}
