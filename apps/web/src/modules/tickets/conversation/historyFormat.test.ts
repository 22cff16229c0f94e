import { describe, expect, it } from 'vitest';
import { isUuid } from './historyFormat';

describe('history ids', () => {
  it('recognises ids', () => {
    expect(isUuid('aee3a5cd-af37-45cc-b092-9d1019c1ad81')).toBe(true);
    expect(isUuid('complaint')).toBe(false);
  });
});
