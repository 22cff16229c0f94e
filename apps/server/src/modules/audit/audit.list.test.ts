import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';

type Page = { items: { id: number; entityId: string | null }[]; total: number; totalExact: boolean };

describe('audit log list totals', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  async function list(query: string): Promise<Page> {
    const r = await admin.get(`/api/v1/audit?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  /** `n` entries of `action`, written directly (the volume would take minutes through the API). */
  async function insertEntries(action: string, n: number) {
    await t.database.db.execute(sql`
      INSERT INTO audit_log (action, entity_type, entity_id, at)
      SELECT ${action}, 'test_entity', 'e' || g, now() - make_interval(secs => g)
      FROM generate_series(1, ${n}::int) AS g`);
  }

  it('counts a small result exactly, on a first page shorter than the page size and on later pages', async () => {
    await insertEntries('test.small', 5);
    expect(await list('action=test.small&pageSize=10')).toMatchObject({ total: 5, totalExact: true });
    const first = await list('action=test.small&pageSize=2');
    expect(first).toMatchObject({ total: 5, totalExact: true });
    expect(first.items.map((e) => e.entityId)).toEqual(['e5', 'e4']);
    const last = await list('action=test.small&pageSize=2&page=3');
    expect(last).toMatchObject({ total: 5, totalExact: true });
    expect(last.items.map((e) => e.entityId)).toEqual(['e1']);
    expect(await list('action=test.small&pageSize=2&page=4')).toMatchObject({ items: [], total: 5, totalExact: true });
    expect(await list('action=test.none')).toMatchObject({ items: [], total: 0, totalExact: true });
  });

  it('counts up to 10,000 and says when there are more', async () => {
    await insertEntries('test.bulk', 10_000);
    expect(await list('action=test.bulk&pageSize=50')).toMatchObject({ total: 10_000, totalExact: true });
    await insertEntries('test.bulk', 1);
    const capped = await list('action=test.bulk&pageSize=50&page=3');
    expect(capped).toMatchObject({ total: 10_000, totalExact: false });
    expect(capped.items).toHaveLength(50);
    expect(await list('pageSize=20')).toMatchObject({ total: 10_000, totalExact: false });
    // A narrow filter over the large log is still counted exactly.
    expect(await list('action=test.small&pageSize=2')).toMatchObject({ total: 5, totalExact: true });
  });
});
