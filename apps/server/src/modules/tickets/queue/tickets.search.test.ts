import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

type Item = { number: string; subject: string; highlight: { text: string; hit: boolean }[] };

describe('tickets: Chinese full-text search', () => {
  let t: TestApp;
  let agent: Session;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const dept = await createDepartment(t.database.db, { name: '热线组' });
    await createUser(t.database.db, { username: 'searcher', roleKey: 'agent', departmentId: dept.id });
    agent = await t.signIn('searcher');
    const make = async (key: string, subject: string, description: string, note?: string) => {
      const r = await agent.post('/api/v1/tickets', { typeKey: 'service', channel: 'phone', subject, description });
      expect(r.statusCode, r.body).toBe(201);
      numbers[key] = r.json().number;
      if (note) await agent.post(`/api/v1/tickets/${r.json().id}/messages`, { kind: 'note', body: note });
    };
    await make('title', '空调不制冷', '客户反映家里的空调不制冷已经三天了，空调外机也不转。');
    await make('body', '上门维修预约', '客户说卧室的空调不制冷，希望周末上门。');
    await make('note', '热水器咨询', '客户询问热水器的清洗周期。', '回电时客户顺便提到客厅空调不制冷');
    await make('other', '冰箱异响', '冰箱夜间有嗡嗡的异响，客户担心有安全隐患。');
  });
  afterAll(async () => t?.close());

  const search = async (q: string, extra = '') => {
    const r = await agent.get(`/api/v1/tickets?q=${encodeURIComponent(q)}${extra}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Item[]; total: number };
  };

  it('finds a word inside an unsegmented sentence, in subject, description and notes, best match first', async () => {
    const result = await search('不制冷');
    expect(result.items.map((i) => i.number)).toEqual([numbers.title, numbers.body, numbers.note]);
    expect(result.items[0]?.highlight.filter((s) => s.hit).map((s) => s.text)).toContain('不制冷');
    expect(result.items[2]?.highlight.some((s) => s.hit)).toBe(true);
  });

  it('finds 异响 and 清洗 inside sentences; nothing for an absent word; combines with filters', async () => {
    expect((await search('异响')).items.map((i) => i.number)).toEqual([numbers.other]);
    expect((await search('清洗周期')).items.map((i) => i.number)).toEqual([numbers.note]);
    expect((await search('洗衣机')).items).toEqual([]);
    expect((await search('空调', '&typeKey=complaint')).items).toEqual([]);
    expect((await search('空调', '&typeKey=service')).items.length).toBe(3);
  });

  it('finds a ticket by its number; hostile input is just text', async () => {
    expect((await search(numbers.title as string)).items.map((i) => i.number)).toEqual([numbers.title]);
    for (const q of ['"', "')--", '&|!:*()', '\\', '空调 & | !', '😀']) await search(q);
  });

  it('writes the vector with the row (number and first-contact resolution included), stored in the row', async () => {
    const r = await agent.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '遥控器配对',
      description: '客户不知道新遥控器怎么和电视配对。',
      resolvedAtFirstContact: { process: '电话里一步步指导客户长按配对键', result: '遥控器已配对成功' },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await search('配对键')).items.map((i) => i.number)).toEqual([r.json().number]);
    expect((await search(r.json().number)).items.map((i) => i.number)).toEqual([r.json().number]);
    const storage = await t.database.executeSql(
      "SELECT attstorage FROM pg_attribute WHERE attrelid = 'tickets'::regclass AND attname = 'search_vector'",
      [],
    );
    expect(storage.rows[0]?.attstorage).toBe('m');
    // PostgreSQL (contrib's btree_gin): the search index also holds the usual filters (migration
    // 0013); PGlite keeps the word-only index (btree_gin breaks its trigram GIN queries).
    const index = await t.database.executeSql(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'tickets' AND indexname = 'tickets_search_idx'",
      [],
    );
    const definition = String(index.rows[0]?.indexdef);
    if (t.database.kind === 'postgres') expect(definition).toContain('assignee_id, created_by');
    else expect(definition).not.toContain('assignee_id');
  });
});
