import type { SlaMetric, SlaPauseReason } from '../sla.tables.js';
import {
  type ClockFacts,
  type ClockPolicy,
  type ClockSettings,
  type ClockTicket,
  clip,
  type Span,
  type TimelineEntry,
} from './clock-facts.js';

/**
 * A ticket's clock cycles from its timeline (sla/clocks/clock-engine.ts does their arithmetic): when each
 * metric's cycle started and stopped, the pauses, and the spans a resolved ticket was stopped.
 */

const RESOLVED = new Set(['resolved', 'feedback', 'closed']);
const RANK: Record<TimelineEntry['kind'], number> = {
  status: 0,
  department: 1,
  waiting: 2,
  inbound: 3,
  reply: 4,
  promise: 5,
};

function sortedTimeline(facts: ClockFacts): TimelineEntry[] {
  return [...facts.timeline].sort((a, b) => a.at.getTime() - b.at.getTime() || RANK[a.kind] - RANK[b.kind]);
}

/** The pause spans: while waiting on the customer / a third party or in feedback, as the settings say. */
export function pauseSpans(timeline: readonly TimelineEntry[], settings: ClockSettings): Span[] {
  const on = new Set(settings.pauseOn);
  let status = '';
  let waiting: string | null = null;
  let open: Span | null = null;
  const out: Span[] = [];
  const reasonNow = (): SlaPauseReason | null => {
    if (waiting === 'customer' && on.has('waiting_customer')) return 'waiting_customer';
    if (waiting === 'third_party' && on.has('waiting_third_party')) return 'waiting_third_party';
    if (status === 'feedback' && on.has('feedback')) return 'feedback';
    return null;
  };
  for (const entry of timeline) {
    if (entry.kind === 'status') status = entry.to;
    else if (entry.kind === 'waiting') waiting = entry.waitingOn;
    else continue;
    const reason = reasonNow();
    if (open && open.reason !== reason) {
      open.to = entry.at.getTime();
      if (open.to > open.from) out.push(open);
      open = null;
    }
    if (reason && !open) open = { from: entry.at.getTime(), to: Number.POSITIVE_INFINITY, reason };
  }
  if (open) out.push(open);
  return out;
}

/** The spans the ticket was resolved (or in feedback, or closed); the last one is open while it still is. */
function resolvedSpans(timeline: readonly TimelineEntry[]): Span[] {
  const out: Span[] = [];
  let open: Span | null = null;
  for (const entry of timeline) {
    if (entry.kind !== 'status') continue;
    const resolved = RESOLVED.has(entry.to);
    if (resolved && !open) open = { from: entry.at.getTime(), to: Number.POSITIVE_INFINITY, reason: 'stopped' };
    else if (!resolved && open) {
      open.to = entry.at.getTime();
      out.push(open);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}

/**
 * Within a cycle [start, end): the resolved spans it resumed after (they count as pauses, reason
 * `stopped`) and when it stopped — at the cycle's end, or when the ticket was last resolved.
 */
function stopsWithin(resolved: readonly Span[], start: number, end: number | null) {
  const inside = clip(resolved, start, end ?? Number.POSITIVE_INFINITY);
  const last = inside[inside.length - 1];
  const finalSpan = last && (end === null ? last.to === Number.POSITIVE_INFINITY : last.to >= end) ? last : null;
  return {
    stopped: finalSpan ? inside.slice(0, -1) : inside,
    stoppedAt: finalSpan ? finalSpan.from : end,
  };
}

const specificity = (p: ClockPolicy) =>
  (p.typeKey ? 1 : 0) + (p.priority ? 1 : 0) + (p.customerGrade ? 1 : 0) + (p.departmentId ? 1 : 0);

/**
 * The policy of `metric` for the ticket as it is now (type, priority, current department) and the
 * grade at creation: the most specific active row (most match columns set), then `sortOrder`.
 */
export function resolvePolicy(
  policies: readonly ClockPolicy[],
  metric: SlaMetric,
  ticket: ClockTicket,
  departmentId: string | null = ticket.departmentId,
): ClockPolicy | null {
  const matches = policies.filter(
    (p) =>
      p.isActive &&
      p.metric === metric &&
      (!p.typeKey || p.typeKey === ticket.typeKey) &&
      (!p.priority || p.priority === ticket.priority) &&
      (!p.customerGrade || p.customerGrade === ticket.customerGrade) &&
      (!p.departmentId || p.departmentId === departmentId),
  );
  matches.sort((a, b) => specificity(b) - specificity(a) || a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  return matches[0] ?? null;
}

/** A cycle before its arithmetic: when it started, what does not count, when it stopped. */
export type Cycle = {
  metric: SlaMetric;
  policy: ClockPolicy;
  departmentId: string | null;
  start: number;
  stoppedAt: number | null;
  pauses: Span[];
  stopped: Span[];
  /** promised_reply: the promised instant itself (no calendar math). */
  fixedDue?: number;
};

export function cyclesOf(facts: ClockFacts, policies: readonly ClockPolicy[], settings: ClockSettings): Cycle[] {
  const { ticket } = facts;
  const timeline = sortedTimeline(facts);
  const pauses = pauseSpans(timeline, settings);
  const resolved = resolvedSpans(timeline);
  const created = ticket.createdAt.getTime();
  const firstResolved = resolved[0]?.from ?? null;
  const out: Cycle[] = [];
  const policyOf = (metric: SlaMetric, departmentId = ticket.departmentId) =>
    resolvePolicy(policies, metric, ticket, departmentId);
  const base = (metric: SlaMetric, policy: ClockPolicy, departmentId: string | null = ticket.departmentId) => ({
    metric,
    policy,
    departmentId,
  });

  // first_response: creation → the first reply (or the resolution).
  const firstReply = timeline.find((e) => e.kind === 'reply')?.at.getTime() ?? null;
  const firstResponsePolicy = policyOf('first_response');
  if (firstResponsePolicy) {
    const candidates = [firstReply, firstResolved].filter((v): v is number => v !== null);
    out.push({
      ...base('first_response', firstResponsePolicy),
      start: created,
      stoppedAt: candidates.length > 0 ? Math.min(...candidates) : null,
      pauses,
      stopped: [],
    });
  }

  // resolution: creation → resolved; a reopen resumes it (the resolved span does not count).
  const resolutionPolicy = policyOf('resolution');
  if (resolutionPolicy) {
    const { stopped, stoppedAt } = stopsWithin(resolved, created, null);
    out.push({ ...base('resolution', resolutionPolicy), start: created, stoppedAt, pauses, stopped });
  }

  // next_reply: after the first reply, a customer's message opens a cycle, the next reply (or resolution) stops it.
  const nextReplyPolicy = policyOf('next_reply');
  if (nextReplyPolicy && firstReply !== null) {
    let open: number | null = null;
    for (const e of timeline) {
      const at = e.at.getTime();
      if (e.kind === 'inbound' && open === null && at >= firstReply) open = at;
      else if (open !== null && (e.kind === 'reply' || (e.kind === 'status' && RESOLVED.has(e.to)))) {
        out.push({ ...base('next_reply', nextReplyPolicy), start: open, stoppedAt: at, pauses, stopped: [] });
        open = null;
      }
    }
    if (open !== null)
      out.push({ ...base('next_reply', nextReplyPolicy), start: open, stoppedAt: null, pauses, stopped: [] });
  }

  // promised_reply: one cycle per promise, due at the promised instant; the next reply, a new
  // promise or the resolution stops it.
  const promisedPolicy = policyOf('promised_reply');
  if (promisedPolicy) {
    let open: { start: number; due: number } | null = null;
    const close = (at: number) => {
      if (!open) return;
      out.push({
        ...base('promised_reply', promisedPolicy),
        start: open.start,
        stoppedAt: at,
        pauses: [],
        stopped: [],
        fixedDue: open.due,
      });
      open = null;
    };
    for (const e of timeline) {
      const at = e.at.getTime();
      if (e.kind === 'promise') {
        close(at);
        if (e.promisedAt) open = { start: at, due: e.promisedAt.getTime() };
      } else if (e.kind === 'reply' || (e.kind === 'status' && RESOLVED.has(e.to))) close(at);
    }
    const last = open as { start: number; due: number } | null;
    if (last)
      out.push({
        ...base('promised_reply', promisedPolicy),
        start: last.start,
        stoppedAt: null,
        pauses: [],
        stopped: [],
        fixedDue: last.due,
      });
  }

  // team_handling: one cycle per department receipt, until resolved or passed on.
  let team: { start: number; departmentId: string } | null = null;
  const closeTeam = (end: number | null) => {
    if (!team) return;
    const policy = policyOf('team_handling', team.departmentId);
    if (policy) {
      const { stopped, stoppedAt } = stopsWithin(resolved, team.start, end);
      out.push({ ...base('team_handling', policy, team.departmentId), start: team.start, stoppedAt, pauses, stopped });
    }
    team = null;
  };
  for (const e of timeline) {
    if (e.kind !== 'department') continue;
    const current = team as { start: number; departmentId: string } | null;
    if (current && current.departmentId === e.departmentId) continue;
    closeTeam(e.at.getTime());
    if (e.departmentId) team = { start: e.at.getTime(), departmentId: e.departmentId };
  }
  closeTeam(null);
  return out;
}
