import { type LocalizedText, localized, t } from '@kefu/shared';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { TicketFacts } from '../tickets.tables.js';

/**
 * The complaint protocol "五清楚、一报告" (seed 001), as rules the use cases call:
 * - 听清楚: the whole complaint is recorded (a description is required on every ticket);
 * - 问清楚: the facts checklist below must be complete before a complaint is resolved;
 * - 跟清楚: while a complaint is unresolved a next-reply time in the future is mandatory;
 * - 复清楚: resolving states the process and the result, which go to the customer as a reply;
 * - 记清楚: every change lands in the append-only ticket history;
 * - 一报告: a major complaint notifies the department manager once (tickets.major.ts).
 */
export const FACT_ITEMS = ['identity', 'time_place', 'product_order', 'details', 'demand'] as const;
export type FactItem = (typeof FACT_ITEMS)[number];

/** The checklist items' names in both languages (catalog `label.fact.*`). */
export const FACT_LABELS = Object.fromEntries(
  FACT_ITEMS.map((item) => [item, localized(`label.fact.${item}`)]),
) as Record<FactItem, LocalizedText>;

export function missingFacts(facts: TicketFacts): FactItem[] {
  return FACT_ITEMS.filter((item) => facts[item] !== true);
}

export function requireFactsComplete(facts: TicketFacts, locale: 'zh-CN' | 'en'): void {
  const missing = missingFacts(facts);
  if (missing.length > 0) {
    throw badRequest('tickets.facts_incomplete', {
      missing: missing.map((m) => FACT_LABELS[m][locale]).join(locale === 'zh-CN' ? '、' : ', '),
    });
  }
}

/**
 * 跟清楚: an unresolved complaint always carries a promised next-reply time in the future.
 * `given` is the value in the request (undefined: not sent), `stored` the one on record.
 */
export function requireNextReply(given: Date | null | undefined, stored: Date | null, now: Date): void {
  if (given === null) throw badRequest('tickets.next_reply_required', {}, [{ path: 'nextReplyAt', message: '' }]);
  if (given !== undefined) {
    if (given.getTime() <= now.getTime())
      throw badRequest('tickets.next_reply_in_past', {}, [{ path: 'nextReplyAt', message: '' }]);
    return;
  }
  if (!stored || stored.getTime() <= now.getTime())
    throw badRequest('tickets.next_reply_required', {}, [{ path: 'nextReplyAt', message: '' }]);
}

/** 复清楚: the reply that tells the customer the process and the result. */
export function resolutionReply(process: string, result: string, locale: 'zh-CN' | 'en'): string {
  return t(locale, 'ticket.line.resolution', { process, result });
}

export function requireResolution(process: string | undefined, result: string | undefined): void {
  if (!process?.trim() || !result?.trim()) {
    const fields = [
      ...(process?.trim() ? [] : [{ path: 'process', message: '' }]),
      ...(result?.trim() ? [] : [{ path: 'result', message: '' }]),
    ];
    throw new AppError('tickets.resolution_required', 400, { fields });
  }
}
