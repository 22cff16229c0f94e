import fs from 'node:fs';
import path from 'node:path';
import { normalizeForMatch } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers.js';

const MIGRATION = path.resolve(import.meta.dirname, '../../../migrations/0014_forbidden_phrases_fold_traditional.sql');

/**
 * A row as the normaliser left it before the fold: these phrases have no space, punctuation or
 * Latin letter, so their old normalised form is the phrase as written.
 */
const stale = (phrase: string) => phrase;

describe('migration 0014: stored forbidden phrases folded to simplified', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => db?.drop());

  const insert = (phrase: string, normalized: string, createdAt: string) =>
    db.executeSql(
      `INSERT INTO forbidden_phrases (phrase, normalized, alternative, created_at) VALUES ($1, $2, '请您稍等，我马上为您核实', $3)`,
      [phrase, normalized, createdAt],
    );
  const normalizedOf = async (phrase: string) =>
    (await db.executeSql('SELECT normalized FROM forbidden_phrases WHERE phrase = $1', [phrase])).rows.map(
      (r) => (r as { normalized: string }).normalized,
    );

  it('refolds what normalizeForMatch now gives, and leaves a row alone whose folded form is already listed', async () => {
    await insert('不歸我們管', stale('不歸我們管'), '2026-01-01T00:00:00Z');
    await insert('這個我不清楚', stale('這個我不清楚'), '2026-01-02T00:00:00Z');
    // Two spellings of one phrase: the simplified one is listed already, so the traditional one keeps
    // its old value rather than break the unique index.
    await insert('你们自己想办法', normalizeForMatch('你们自己想办法'), '2026-01-03T00:00:00Z');
    await insert('你們自己想辦法', stale('你們自己想辦法'), '2026-01-04T00:00:00Z');
    // Two traditional rows folding to one value: the older one is folded, the other left.
    await insert('別問我', stale('別問我'), '2026-01-05T00:00:00Z');
    await insert('别問我', stale('别問我'), '2026-01-06T00:00:00Z');
    await insert('下班了', normalizeForMatch('下班了'), '2026-01-07T00:00:00Z');

    await db.executeSql(fs.readFileSync(MIGRATION, 'utf8'));

    expect(await normalizedOf('不歸我們管')).toEqual([normalizeForMatch('不歸我們管')]);
    expect(normalizeForMatch('不歸我們管')).toBe('不归我们管');
    expect(await normalizedOf('這個我不清楚')).toEqual(['这个我不清楚']);
    expect(await normalizedOf('你們自己想辦法')).toEqual(['你們自己想辦法']);
    expect(await normalizedOf('別問我')).toEqual(['别问我']);
    expect(await normalizedOf('别問我')).toEqual(['别問我']);
    expect(await normalizedOf('下班了')).toEqual(['下班了']);
  });
});
