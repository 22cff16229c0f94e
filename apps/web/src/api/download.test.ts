import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 file name', () => {
    expect(
      filenameFromDisposition(`attachment; filename="audit.csv"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1.csv`, 'x'),
    ).toBe('审计.csv');
  });
  it('falls back to the plain name, then to the default', () => {
    expect(filenameFromDisposition('attachment; filename="audit-2026.xlsx"', 'x')).toBe('audit-2026.xlsx');
    expect(filenameFromDisposition(null, 'audit.csv')).toBe('audit.csv');
  });
});
