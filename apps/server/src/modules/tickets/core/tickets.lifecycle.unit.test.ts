import type { Permission } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../tickets.tables.js';
import { availableActions, planMove, TICKET_ACTIONS } from './tickets.lifecycle.js';

const agent = new Set<Permission>(['tickets.read', 'tickets.write']);
const supervisor = new Set<Permission>(['tickets.read', 'tickets.write', 'tickets.assign', 'tickets.supervise']);

/** Every status × action: where it leads, for a plain ticket and a complaint ('—' = refused). */
const EXPECTED: Record<string, Record<string, [plain: string, complaint: string]>> = {
  received: {
    classify: ['classified', 'classified'],
    start: ['investigating', 'investigating'],
    resolve: ['resolved', 'resolved'],
    feedback: ['—', '—'],
    close: ['—', '—'],
    reopen: ['—', '—'],
  },
  classified: {
    classify: ['—', '—'],
    start: ['investigating', 'investigating'],
    resolve: ['resolved', 'resolved'],
    feedback: ['—', '—'],
    close: ['—', '—'],
    reopen: ['—', '—'],
  },
  investigating: {
    classify: ['—', '—'],
    start: ['—', '—'],
    resolve: ['resolved', 'resolved'],
    feedback: ['—', '—'],
    close: ['—', '—'],
    reopen: ['—', '—'],
  },
  resolved: {
    classify: ['—', '—'],
    start: ['—', '—'],
    resolve: ['—', '—'],
    feedback: ['feedback', 'feedback'],
    close: ['closed', '—'],
    reopen: ['investigating', 'investigating'],
  },
  feedback: {
    classify: ['—', '—'],
    start: ['—', '—'],
    resolve: ['—', '—'],
    feedback: ['—', '—'],
    close: ['closed', 'closed'],
    reopen: ['investigating', 'investigating'],
  },
  closed: {
    classify: ['—', '—'],
    start: ['—', '—'],
    resolve: ['—', '—'],
    feedback: ['—', '—'],
    close: ['—', '—'],
    reopen: ['investigating', 'investigating'],
  },
  merged: Object.fromEntries(TICKET_ACTIONS.map((a) => [a, ['—', '—']])) as Record<string, [string, string]>,
};

describe('ticket state machine', () => {
  for (const status of TICKET_STATUSES) {
    for (const action of TICKET_ACTIONS) {
      it(`${status} —${action}→`, () => {
        const [plain, complaint] = EXPECTED[status]?.[action] ?? ['?', '?'];
        for (const [isComplaint, expected] of [
          [false, plain],
          [true, complaint],
        ] as const) {
          const move = planMove(status, action, supervisor, isComplaint);
          expect(move.ok ? move.to : '—').toBe(expected);
        }
      });
    }
  }

  it('closing a complaint and reopening a closed ticket need tickets.supervise', () => {
    expect(planMove('feedback', 'close', agent, true)).toEqual({
      ok: false,
      reason: 'forbidden',
      permission: 'tickets.supervise',
    });
    expect(planMove('feedback', 'close', agent, false)).toMatchObject({ ok: true, to: 'closed' });
    expect(planMove('closed', 'reopen', agent, false)).toEqual({
      ok: false,
      reason: 'forbidden',
      permission: 'tickets.supervise',
    });
    expect(planMove('resolved', 'reopen', agent, false)).toMatchObject({ ok: true });
  });

  it('without tickets.write nothing moves; available actions follow the permissions', () => {
    const reader = new Set<Permission>(['tickets.read']);
    for (const status of TICKET_STATUSES) expect(availableActions(status, reader, false)).toEqual([]);
    expect(availableActions('feedback', agent, true)).toEqual(['reopen']);
    expect(availableActions('feedback', supervisor, true)).toEqual(['close', 'reopen']);
  });
});
