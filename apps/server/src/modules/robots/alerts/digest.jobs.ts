import type { Locale } from '@kefu/shared';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.js';
import { defineJob } from '../../../jobs/definition.js';
import type { Deps } from '../../../lib/deps.js';
import { notifiedSince, queueNotifications } from '../../notifications/index.js';
import * as repo from '../robots.repository.js';
import { dayIn, digestContent, digestFigures, previousDay } from './digest.figures.js';

const KEEP_DAYS = 90;

/**
 * Yesterday's figures (new tickets, complaints, major complaints, breached time limits; the day in
 * the business time zone) to every enabled robot subscribed to `digest.daily`, once per day and
 * robot (the ref `robot-digest:<day>:<robot>` is checked, so a second run that day sends nothing).
 * Answers how many robots were sent it.
 */
export async function sendDailyDigest(tx: DbOrTx, deps: Deps, now = new Date()): Promise<number> {
  const today = dayIn(now, deps.config.timezone);
  const day = previousDay(today);
  let cutoff = today;
  for (let i = 0; i < KEEP_DAYS; i += 1) cutoff = previousDay(cutoff);
  await repo.pruneDigestCounts(tx, cutoff);
  const subscribed = await repo.robotsForTopics(tx, ['digest.daily']);
  if (subscribed.length === 0) return 0;
  const refOf = (robotId: string) => `robot-digest:${day}:${robotId}`;
  const since = new Date(now.getTime() - 3 * 24 * 3600_000);
  const targets: typeof subscribed = [];
  for (const robot of subscribed) if (!(await notifiedSince(tx, refOf(robot.id), since))) targets.push(robot);
  if (targets.length === 0) return 0;
  const figures = digestFigures(await repo.digestCounts(tx, day));
  const content = digestContent(day, figures);
  await queueNotifications(
    tx,
    targets.map((robot) => ({
      channel: 'robot' as const,
      recipient: robot.id,
      topic: 'digest.daily' as const,
      locale: robot.locale as Locale,
      content,
      vars: {
        date: day,
        newTickets: figures.created,
        complaints: figures.complaints,
        majorComplaints: figures.major,
        breached: figures.breached,
      },
      ref: refOf(robot.id),
    })),
  );
  return targets.length;
}

/** Every morning at 09:00 (business time zone): yesterday's digest to the subscribed robots. */
export const robotsDailyDigestJob = defineJob({
  name: 'robots.daily_digest',
  schema: z.object({}),
  cron: '0 9 * * *',
  async handler({ tx, deps }) {
    await sendDailyDigest(tx, deps);
  },
});
