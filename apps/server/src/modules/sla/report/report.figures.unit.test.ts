import { describe, expect, it } from 'vitest';
import { bucketStarts, fullWeights, metricFigures, slaRate } from './report.figures.js';

const weights = fullWeights({ first_response: 30, resolution: 40, promised_reply: 30 });

describe('sla report figures (docs/sla.md)', () => {
  it('is seed 004’s weighted sum A·P1 + B·P2 + … when every weighted metric has ended clocks', () => {
    const counts = {
      first_response: { met: 3, breached: 1 },
      resolution: { met: 1, breached: 1 },
      promised_reply: { met: 2, breached: 0 },
    };
    expect(slaRate(counts, weights)).toBe(0.725);
  });

  it('shares the weight of a metric without an ended clock among the others, in proportion', () => {
    expect(slaRate({ first_response: { met: 1, breached: 0 }, resolution: { met: 0, breached: 1 } }, weights)).toBe(
      0.4286,
    );
    // An unweighted metric never counts; nothing ended: no rate.
    expect(slaRate({ next_reply: { met: 0, breached: 5 }, first_response: { met: 1, breached: 0 } }, weights)).toBe(1);
    expect(slaRate({ next_reply: { met: 1, breached: 0 } }, weights)).toBeNull();
    expect(slaRate({}, weights)).toBeNull();
  });

  it('gives each metric total = met + breached and a rate only when some clock ended', () => {
    expect(metricFigures({ met: 2, breached: 1, open: 4 })).toEqual({
      total: 3,
      met: 2,
      breached: 1,
      open: 4,
      rate: 0.6667,
    });
    expect(metricFigures({ met: 0, breached: 0, open: 2 }).rate).toBeNull();
  });

  it('falls back to the default weights and treats missing ones as 0', () => {
    expect(fullWeights(null)).toEqual({
      first_response: 30,
      next_reply: 0,
      resolution: 40,
      promised_reply: 30,
      team_handling: 0,
    });
    expect(fullWeights({ resolution: 100 }).first_response).toBe(0);
  });

  it('lists the buckets of a period like date_trunc (weeks from Monday, months from the 1st)', () => {
    expect(bucketStarts('2025-03-01', '2025-03-03', 'day')).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
    expect(bucketStarts('2025-03-01', '2025-03-17', 'week')).toEqual([
      '2025-02-24',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
    ]);
    expect(bucketStarts('2024-12-15', '2025-02-01', 'month')).toEqual(['2024-12-01', '2025-01-01', '2025-02-01']);
  });
});
