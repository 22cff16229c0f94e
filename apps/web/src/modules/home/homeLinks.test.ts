import { describe, expect, it } from 'vitest';
import { agentLinks, delta, intakeLink, queueLink, supervisorLinks } from './homeLinks';

describe('home links', () => {
  it('opens the queue already filtered (the queue URL contract)', () => {
    expect(agentLinks.overdue).toBe('/tickets/queue?queue=mine&overdue=1');
    expect(agentLinks.dueToday).toBe('/tickets/queue?queue=mine&due=today');
    expect(agentLinks.myOpen).toBe('/tickets/queue?queue=mine&open=1');
    expect(supervisorLinks.unassigned).toBe('/tickets/queue?queue=unassigned&open=1');
    expect(supervisorLinks.dueWithinHour).toBe('/tickets/queue?queue=team&due=hour');
    expect(queueLink({ queue: 'all' })).toBe('/tickets/queue?queue=all');
  });

  it("links a month's complaint figures to the month's complaints, closed ones to the intake report", () => {
    const month = { from: '2026-12-01', to: '2026-12-31' };
    expect(intakeLink('received', month)).toBe(
      '/tickets/queue?queue=all&complaint=1&createdFrom=2026-12-01&createdTo=2026-12-31',
    );
    expect(intakeLink('major', month)).toBe(
      '/tickets/queue?queue=all&complaint=1&major=1&createdFrom=2026-12-01&createdTo=2026-12-31',
    );
    expect(intakeLink('closed', month)).toBe('/tickets/reports/intake?from=2026-12-01&to=2026-12-31');
  });

  it('says how a figure moved since last month', () => {
    expect(delta(5, 3)).toEqual({ diff: 2, dir: 'up' });
    expect(delta(0.8, 0.85)).toEqual({ diff: -0.05, dir: 'down' });
    expect(delta(2, 2)).toEqual({ diff: 0, dir: 'same' });
    expect(delta(null, 1)).toBeNull();
  });
});
