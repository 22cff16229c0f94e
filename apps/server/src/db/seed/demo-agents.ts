import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { agentProfiles, users } from '../schema/index.js';

type Profile = { status: 'on_shift' | 'away' | 'off'; skills: string[] };

/**
 * Availability and skills of the demo people who work on tickets (ticket types ask for the
 * skills `complaint` and `repair`): the hotline and callback teams take complaints, field service
 * takes repairs, one hotline agent does both; most are on shift, a few away, managers and the
 * office off (automatic assignment passes them over).
 */
export const DEMO_AGENT_PROFILES: Record<string, Profile> = {
  lijing: { status: 'off', skills: ['complaint'] },
  hexue: { status: 'off', skills: [] },
  malin: { status: 'on_shift', skills: [] },
  zhangwei: { status: 'on_shift', skills: ['complaint'] },
  wangfang: { status: 'on_shift', skills: ['complaint'] },
  liuyang: { status: 'on_shift', skills: ['complaint', 'repair'] },
  chenchen: { status: 'away', skills: ['complaint'] },
  zhaomin: { status: 'on_shift', skills: ['complaint'] },
  sunli: { status: 'on_shift', skills: ['complaint'] },
  zhoujie: { status: 'away', skills: [] },
  wuqiang: { status: 'on_shift', skills: ['repair'] },
  zhenghao: { status: 'on_shift', skills: ['repair'] },
  fenglei: { status: 'away', skills: ['repair'] },
};

/** Agent profiles of the demo people (those that exist); never overwrites a profile already set. */
export async function seedDemoAgents(db: DbOrTx): Promise<void> {
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, Object.keys(DEMO_AGENT_PROFILES)));
  if (people.length === 0) return;
  await db
    .insert(agentProfiles)
    .values(people.map((p) => ({ userId: p.id, ...(DEMO_AGENT_PROFILES[p.username] as Profile) })))
    .onConflictDoNothing();
}
