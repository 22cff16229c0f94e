import type { Locale } from '@kefu/shared';
import type { Actor } from '../../lib/actor.js';
import { addDays, dayIn, monthOf, monthStart } from '../../lib/calendar-day.js';
import type { Deps } from '../../lib/deps.js';
import { countCallbacksOf } from '../callbacks/index.js';
import { slaAchievementRate } from '../sla/index.js';
import {
  AGENT_STATUS_RANK,
  complaintIntakeTotals,
  countOverdueMeasures,
  countTickets,
  listTicketAgents,
  rootCauseReport,
} from '../tickets/index.js';
import type { Home, HomeManager, HomeSupervisor } from './home.schemas.js';

/** How many root causes the manager's section lists. */
export const TOP_ROOT_CAUSES = 5;

async function supervisorSection(deps: Deps, actor: Actor): Promise<HomeSupervisor> {
  const { db } = deps.database;
  const timeZone = deps.config.timezone;
  const [unassigned, overdue, dueWithinHour, agents] = await Promise.all([
    countTickets(db, actor, { queue: 'unassigned', open: true, timeZone }),
    countTickets(db, actor, { queue: 'team', overdue: true, timeZone }),
    countTickets(db, actor, { queue: 'team', due: 'hour', timeZone }),
    listTicketAgents(deps, actor, {}),
  ]);
  return {
    unassigned,
    overdue,
    dueWithinHour,
    agents: agents.items
      .map((a) => ({
        userId: a.userId,
        displayName: a.displayName,
        status: a.status,
        openTickets: a.openTickets,
        load: a.load,
        overdue: a.overdue,
      }))
      .sort(
        (a, b) =>
          AGENT_STATUS_RANK[a.status] - AGENT_STATUS_RANK[b.status] ||
          b.load - a.load ||
          a.displayName.localeCompare(b.displayName, 'zh-CN'),
      ),
  };
}

async function managerSection(deps: Deps, actor: Actor, locale: Locale): Promise<HomeManager> {
  const { db } = deps.database;
  const timeZone = deps.config.timezone;
  const month = monthOf(dayIn(new Date(), timeZone));
  const previous = monthOf(monthStart(month.from, -1));
  const [current, last, slaCurrent, slaLast, roots, measuresOverdue] = await Promise.all([
    complaintIntakeTotals(db, actor, { from: month.from, to: addDays(month.to, 1), timeZone }),
    complaintIntakeTotals(db, actor, { from: previous.from, to: addDays(previous.to, 1), timeZone }),
    slaAchievementRate(db, actor, { from: month.from, to: month.to, timeZone }),
    slaAchievementRate(db, actor, { from: previous.from, to: previous.to, timeZone }),
    rootCauseReport(deps, actor, { from: month.from, to: month.to }),
    countOverdueMeasures(db, actor, timeZone),
  ]);
  return {
    month: { from: month.from, to: month.to },
    previous: { from: previous.from, to: previous.to },
    current,
    last,
    slaAchievement: { current: slaCurrent, last: slaLast },
    rootCauses: roots.items
      .filter((r) => r.count > 0)
      .slice(0, TOP_ROOT_CAUSES)
      .map((r) => ({ key: r.rootCauseKey, name: locale === 'en' ? (r.nameEn ?? r.name) : r.name, count: r.count })),
    measuresOverdue,
  };
}

/**
 * The home page's figures for the caller: each section only when the caller may see it (docs/home.md),
 * every count in the caller's data scope through the owning modules' exported functions.
 */
export async function getHome(deps: Deps, actor: Actor, locale: Locale): Promise<Home> {
  const { db } = deps.database;
  const timeZone = deps.config.timezone;
  const can = (p: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(p);
  const home: Home = {};
  if (can('tickets.write')) {
    const [myOpen, overdue, dueToday] = await Promise.all([
      countTickets(db, actor, { queue: 'mine', open: true, timeZone }),
      countTickets(db, actor, { queue: 'mine', overdue: true, timeZone }),
      countTickets(db, actor, { queue: 'mine', due: 'today', timeZone }),
    ]);
    const callbacksToday = can('callbacks.work') ? (await countCallbacksOf(db, actor.userId, timeZone)).today : null;
    home.agent = { myOpen, overdue, dueToday, callbacksToday };
  }
  if (can('tickets.assign')) home.supervisor = await supervisorSection(deps, actor);
  if (can('sla.report') && (actor.dataScope === 'department' || actor.dataScope === 'all')) {
    home.manager = await managerSection(deps, actor, locale);
  }
  return home;
}
