import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFiles } from '../../../../test/helpers.js';
import { type TicketJson, type TicketWorld, ticketWorld, upload } from '../ticket-work.test-setup.js';

type Message = { id: string; kind: string; body: string; movedFromTicketId: string | null };
type HistoryEntry = { id: number; action: string; after: Record<string, unknown> | null };

describe('tickets: merge duplicates and link related tickets', () => {
  let w: TicketWorld;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-merge-'));

  beforeAll(async () => {
    w = await ticketWorld({ attachments: { maxBytes: 1024 * 1024, legacyDir: null }, files: testFiles(dir) });
  });
  afterAll(async () => {
    await w?.t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const json = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  it('merge keeps everything: messages, notes, attachments, watchers, measures, links and both histories', async () => {
    const { sup, agentA, agentB, agentC } = w;
    const target = await w.ticket(agentA, { subject: '空调不制冷', description: '客户家中空调开机后不制冷。' });
    const source = await w.ticket(agentB, {
      subject: '空调不制冷（重复来电）',
      description: '同一客户再次来电，说空调出风是热的，室外机不转。',
    });
    // agentC (another department) watches the source: added by the administrator, whose scope
    // covers her — an agent may only name watchers within her own scope (issue 10, defect 6).
    await json(w.admin.post(`/api/v1/tickets/${source.id}/watchers`, { userId: agentC.userId }), 200);
    const third = await w.ticket(agentB, { subject: '遥控器失灵' });
    // The source's conversation: a customer message, a reply and an internal note.
    for (const [kind, body] of [
      ['inbound', '客户补充：室外机有异响'],
      ['reply', '您好，我们已安排师傅明天上门检查。'],
      ['note', '内部备注：疑似压缩机启动电容损坏'],
    ] as const) {
      await json(agentB.post(`/api/v1/tickets/${source.id}/messages`, { kind, body }), 201);
    }
    await json(agentA.post(`/api/v1/tickets/${target.id}/messages`, { kind: 'note', body: '目标工单的备注' }), 201);
    const sourceFile = await json<{ id: string }>(
      upload(w, agentB, source.id, '现场照片说明.txt', '室外机铭牌照片'),
      201,
    );
    const targetFile = await json<{ id: string }>(upload(w, agentA, target.id, '保修卡.txt', '保修期内'), 201);
    const measure = await json<{ id: string }>(
      agentB.post(`/api/v1/tickets/${source.id}/measures`, {
        title: '复核上门维修排期',
        ownerId: agentB.userId,
        dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      }),
      201,
    );
    await json(agentB.post(`/api/v1/tickets/${source.id}/links`, { ticketId: third.id }), 201);

    const sourceMessages = await json<Message[]>(sup.get(`/api/v1/tickets/${source.id}/messages`));
    expect(sourceMessages).toHaveLength(3);
    const sourceHistory = await json<HistoryEntry[]>(sup.get(`/api/v1/tickets/${source.id}/history`));
    const targetHistory = await json<HistoryEntry[]>(sup.get(`/api/v1/tickets/${target.id}/history`));
    const current = await json<TicketJson>(sup.get(`/api/v1/tickets/${target.id}`));

    const merged = await json<TicketJson & { watchers: { id: string }[] }>(
      sup.post(`/api/v1/tickets/${target.id}/merge`, { sourceId: source.id, version: current.version }),
    );
    expect(merged.version).toBe(current.version + 1);
    expect(merged.watchers.map((x) => x.id)).toContain(agentC.userId);

    // Every message of both, the source's marked as moved, and the source's description kept.
    const messages = await json<Message[]>(sup.get(`/api/v1/tickets/${target.id}/messages`));
    for (const m of sourceMessages) {
      expect(messages.find((x) => x.id === m.id)).toMatchObject({ body: m.body, movedFromTicketId: source.id });
    }
    expect(messages.find((m) => m.body === '目标工单的备注')?.movedFromTicketId).toBeNull();
    const line = messages.find((m) => m.kind === 'system' && m.body.includes(source.number));
    expect(line?.body).toContain('同一客户再次来电，说空调出风是热的，室外机不转。');
    expect(line?.movedFromTicketId).toBe(source.id);

    // Attachments of both, and the moved file still downloads from the target.
    const files = await json<{ items: { id: string }[] }>(sup.get(`/api/v1/tickets/${target.id}/attachments`));
    expect(files.items.map((f) => f.id).sort()).toEqual([sourceFile.id, targetFile.id].sort());
    const download = await sup.get(`/api/v1/tickets/${target.id}/attachments/${sourceFile.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('室外机铭牌照片');

    // The measure moved; the link to the third ticket moved; the source is listed as merged here.
    const measures = await json<{ items: { id: string; ticketId: string }[] }>(
      sup.get(`/api/v1/tickets/${target.id}/measures`),
    );
    expect(measures.items).toEqual([expect.objectContaining({ id: measure.id, ticketId: target.id })]);
    const links = await json<{ items: { id: string; relation: string }[] }>(
      sup.get(`/api/v1/tickets/${target.id}/links`),
    );
    expect(links.items.map((l) => [l.id, l.relation]).sort()).toEqual(
      [
        [third.id, 'related'],
        [source.id, 'merged_from'],
      ].sort(),
    );
    const thirdLinks = await json<{ items: { id: string }[] }>(sup.get(`/api/v1/tickets/${third.id}/links`));
    expect(thirdLinks.items.map((l) => l.id)).toEqual([target.id]);

    // Both histories: nothing lost, the merge recorded on each; the source points to the target.
    const sourceAfter = await json<HistoryEntry[]>(sup.get(`/api/v1/tickets/${source.id}/history`));
    expect(sourceAfter.slice(0, sourceHistory.length)).toEqual(sourceHistory);
    expect(sourceAfter.at(-1)).toMatchObject({ action: 'merged_into', after: { mergedIntoId: target.id } });
    const targetAfter = await json<HistoryEntry[]>(sup.get(`/api/v1/tickets/${target.id}/history`));
    expect(targetAfter.slice(0, targetHistory.length)).toEqual(targetHistory);
    expect(targetAfter.at(-1)).toMatchObject({
      action: 'merged_from',
      after: { sourceId: source.id, moved: { messages: 3, attachments: 1, measures: 1, watchers: 1, links: 1 } },
    });
    const src = await json<TicketJson>(sup.get(`/api/v1/tickets/${source.id}`));
    expect(src).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    const srcLinks = await json<{ items: { id: string; relation: string }[] }>(
      sup.get(`/api/v1/tickets/${source.id}/links`),
    );
    expect(srcLinks.items).toEqual([expect.objectContaining({ id: target.id, relation: 'merged_into' })]);
    // The source's watcher still reads the source and now also the target.
    expect((await agentC.get(`/api/v1/tickets/${source.id}/history`)).statusCode).toBe(200);
    expect((await agentC.get(`/api/v1/tickets/${target.id}/messages`)).statusCode).toBe(200);

    // The target's search index now holds what the moved note says, the source's no longer does.
    const indexed = await w.t.database.db.execute<{ id: string; hit: boolean }>(
      sql`SELECT id::text, search_vector::text LIKE '%''压缩机''%' AS hit FROM tickets WHERE id IN (${target.id}::uuid, ${source.id}::uuid)`,
    );
    expect(Object.fromEntries(indexed.rows.map((r) => [r.id, r.hit]))).toEqual({
      [target.id]: true,
      [source.id]: false,
    });
    const audit = await w.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.merged' AND entity_id = ${target.id}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('refuses merging a ticket with itself, a finished ticket, a stale version, out of scope, without supervise', async () => {
    const { sup, agentA, agentB, agentC } = w;
    const a = await w.ticket(agentA);
    const b = await w.ticket(agentB);
    const mine = await w.ticket(agentC);
    const merge = (target: TicketJson, sourceId: string, version = target.version, s = sup) =>
      s.post(`/api/v1/tickets/${target.id}/merge`, { sourceId, version });

    const same = await merge(a, a.id);
    expect([same.statusCode, same.json().code]).toEqual([400, 'tickets.merge_same']);
    const foreign = await merge(a, mine.id);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'tickets.not_found']);
    const agent = await merge(a, b.id, a.version, agentA);
    expect([agent.statusCode, agent.json().code]).toEqual([403, 'forbidden']);
    const stale = await merge(a, b.id, a.version + 5);
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'tickets.version_conflict']);

    await json(merge(a, b.id));
    const again = await merge({ ...a, version: a.version + 1 }, b.id);
    expect([again.statusCode, again.json().code, again.json().params]).toEqual([
      409,
      'tickets.merge_finished',
      { number: b.number },
    ]);
    // A merged ticket takes no more links, measures or files: they go to the target.
    const c = await w.ticket(agentA);
    const link = await sup.post(`/api/v1/tickets/${b.id}/links`, { ticketId: c.id });
    expect([link.statusCode, link.json().code, link.json().params]).toEqual([
      409,
      'tickets.ticket_merged',
      { number: a.number },
    ]);
  });

  it('links related tickets once per pair, both in scope; unlinks; refuses self links', async () => {
    const { agentA, agentC, sup } = w;
    const a = await w.ticket(agentA);
    const b = await w.ticket(agentA);
    const foreign = await w.ticket(agentC);

    const linked = await json<{ items: { id: string; relation: string; number: string }[] }>(
      agentA.post(`/api/v1/tickets/${a.id}/links`, { ticketId: b.id }),
      201,
    );
    expect(linked.items).toEqual([expect.objectContaining({ id: b.id, number: b.number, relation: 'related' })]);
    // Linking again, or from the other side, changes nothing: the pair is stored once.
    await json(agentA.post(`/api/v1/tickets/${b.id}/links`, { ticketId: a.id }), 201);
    const pairs = await w.t.database.db.execute<{ ordered: boolean }>(
      sql`SELECT ticket_id < linked_id AS ordered FROM ticket_links WHERE ticket_id IN (${a.id}::uuid, ${b.id}::uuid) OR linked_id IN (${a.id}::uuid, ${b.id}::uuid)`,
    );
    expect(pairs.rows).toEqual([{ ordered: true }]);
    const fromB = await json<{ items: { id: string }[] }>(agentA.get(`/api/v1/tickets/${b.id}/links`));
    expect(fromB.items.map((i) => i.id)).toEqual([a.id]);
    const history = await json<HistoryEntry[]>(sup.get(`/api/v1/tickets/${b.id}/history`));
    expect(history.filter((h) => h.action === 'linked')).toEqual([
      expect.objectContaining({ after: { ticketId: a.id, number: a.number } }),
    ]);

    const self = await agentA.post(`/api/v1/tickets/${a.id}/links`, { ticketId: a.id });
    expect([self.statusCode, self.json().code]).toEqual([400, 'tickets.link_same']);
    const outside = await agentA.post(`/api/v1/tickets/${a.id}/links`, { ticketId: foreign.id });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'tickets.not_found']);
    expect((await agentC.get(`/api/v1/tickets/${a.id}/links`)).statusCode).toBe(404);

    expect((await agentA.delete(`/api/v1/tickets/${b.id}/links/${a.id}`)).statusCode).toBe(204);
    expect((await json<{ items: unknown[] }>(agentA.get(`/api/v1/tickets/${a.id}/links`))).items).toEqual([]);
    const gone = await agentA.delete(`/api/v1/tickets/${a.id}/links/${b.id}`);
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'tickets.link_not_found']);
  });
});
