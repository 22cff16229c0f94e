import { describe, expect, it } from 'vitest';
import { sampled, skipReason } from './sending.rules.js';

const rules = { ticketTypeKeys: [], samplingRate: 1, skipNoAgentReply: true, skipInternal: true };
const ticket = { id: 't1', typeKey: 'repair', customerId: 'c1', agentReplied: true, internal: false };

describe('survey sending rules', () => {
  it('skips tickets without customer, of other types, internal ones and those without an agent reply', () => {
    expect(skipReason('s', rules, ticket)).toBeNull();
    expect(skipReason('s', rules, { ...ticket, customerId: null })).toBe('no_customer');
    expect(skipReason('s', { ...rules, ticketTypeKeys: ['complaint'] }, ticket)).toBe('ticket_type');
    expect(skipReason('s', { ...rules, ticketTypeKeys: ['repair'] }, ticket)).toBeNull();
    expect(skipReason('s', rules, { ...ticket, internal: true })).toBe('internal');
    expect(skipReason('s', { ...rules, skipInternal: false }, { ...ticket, internal: true })).toBeNull();
    expect(skipReason('s', rules, { ...ticket, agentReplied: false })).toBe('no_agent_reply');
    expect(skipReason('s', { ...rules, skipNoAgentReply: false }, { ...ticket, agentReplied: false })).toBeNull();
    expect(skipReason('s', { ...rules, samplingRate: 0 }, ticket)).toBe('not_sampled');
  });

  it('samples the same ticket the same way every time, and about the rate over many tickets', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `ticket-${i}`);
    const first = ids.map((id) => sampled('survey-1', id, 0.3));
    expect(ids.map((id) => sampled('survey-1', id, 0.3))).toEqual(first);
    const share = first.filter(Boolean).length / ids.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.32);
    expect(ids.every((id) => sampled('survey-1', id, 1))).toBe(true);
    expect(ids.some((id) => sampled('survey-1', id, 0))).toBe(false);
  });
});
