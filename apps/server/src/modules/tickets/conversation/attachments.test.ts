import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, testFiles } from '../../../../test/helpers.js';
import { type TicketJson, type TicketWorld, ticketWorld, upload } from '../ticket-work.test-setup.js';

const MAX = 64 * 1024;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('tickets: attachments in the file store, never served inline', () => {
  let w: TicketWorld;
  let ticket: TicketJson;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-attachments-'));

  beforeAll(async () => {
    w = await ticketWorld({ attachments: { maxBytes: MAX, legacyDir: null }, files: testFiles(dir) });
    ticket = await w.ticket(w.agentA, { subject: '发票抬头错误' });
  });
  afterAll(async () => {
    await w?.t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // What the store holds: the directory store's files (PGlite), the database store's objects (postgres).
  const storedFiles = async () =>
    TEST_DB === 'postgres'
      ? (await w.t.database.db.execute<{ key: string }>(sql`SELECT key FROM file_objects`)).rows.map((r) => r.key)
      : fs
          .readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
          .map((e) => path.join(e.parentPath, e.name));
  const readStored = async (storageKey: string) => {
    const file = await w.t.app.deps.files.open(`attachments/${storageKey}`);
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  it('round-trips a file with a Chinese name: stored under attachments/<yyyy>/<mm>/<uuid> with its sha256, read audited', async () => {
    const content = '客户提供的发票扫描件说明：抬头应为“上海华信医疗器械有限公司”。';
    const r = await upload(w, w.agentA, ticket.id, '发票 说明（第1版）.txt', content, { contentType: 'text/plain' });
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(a).toMatchObject({
      ticketId: ticket.id,
      fileName: '发票 说明（第1版）.txt',
      contentType: 'text/plain',
      size: Buffer.byteLength(content),
      sha256,
      uploadedBy: { id: w.agentA.userId, displayName: '王坐席' },
      canDelete: true,
    });
    const [row] = (
      await w.t.database.db.execute<{ storage_key: string }>(
        sql`SELECT storage_key FROM ticket_attachments WHERE id = ${a.id}::uuid`,
      )
    ).rows;
    expect(row?.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(await readStored(row?.storage_key as string)).toBe(content);
    if (TEST_DB === 'pglite') {
      expect(fs.readFileSync(path.join(dir, 'attachments', row?.storage_key as string), 'utf8')).toBe(content);
    }

    const list = (await w.sup.get(`/api/v1/tickets/${ticket.id}/attachments`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: a.id, canDelete: true, downloadUrl: a.downloadUrl })]);

    const d = await w.agentA.get(a.downloadUrl);
    expect(d.statusCode).toBe(200);
    expect(d.body).toBe(content);
    expect(d.headers['content-type']).toBe('application/octet-stream');
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="__ ____1__.txt"; filename*=UTF-8''${encodeURIComponent('发票 说明（第1版）.txt')}`,
    );
    expect(decodeURIComponent(String(d.headers['content-disposition']).split("UTF-8''")[1] as string)).toBe(
      '发票 说明（第1版）.txt',
    );
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(String(d.headers['content-security-policy'])).toMatch(/^sandbox/);
    const audit = await w.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket_attachment.viewed' AND entity_id = ${a.id}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
    const history = (await w.agentA.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ action: 'attachment_added', after: { attachmentId: a.id, sha256 } });
  });

  it('serves HTML and SVG as octet-stream attachments; a real image keeps its type, a fake one does not', async () => {
    const html = await upload(w, w.agentA, ticket.id, 'page.html', '<script>alert(document.cookie)</script>', {
      contentType: 'text/html',
    });
    expect(html.statusCode, html.body).toBe(201);
    const d = await w.agentA.get(html.json().downloadUrl);
    expect(d.headers['content-type']).toBe('application/octet-stream');
    expect(String(d.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(d.headers['x-content-type-options']).toBe('nosniff');

    const svg = await upload(
      w,
      w.agentA,
      ticket.id,
      'logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      {
        contentType: 'image/svg+xml',
      },
    );
    expect(svg.json().contentType).toBe('application/octet-stream');
    expect((await w.agentA.get(svg.json().downloadUrl)).headers['content-type']).toBe('application/octet-stream');

    const png = await upload(w, w.agentA, ticket.id, '现场照片.png', PNG, { contentType: 'application/octet-stream' });
    expect(png.json().contentType).toBe('image/png');
    const image = await w.agentA.get(png.json().downloadUrl);
    expect(image.headers['content-type']).toBe('image/png');
    expect(String(image.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(image.rawPayload.equals(PNG)).toBe(true);

    const fake = await upload(w, w.agentA, ticket.id, 'fake.png', '<html><body>not an image</body></html>', {
      contentType: 'image/png',
    });
    expect(fake.json().contentType).toBe('application/octet-stream');
  });

  it('refuses executables and scripts by extension and by content, oversized and empty files; keeps nothing of them', async () => {
    const before = (await storedFiles()).length;
    const refusedCases: [string, Buffer | string][] = [
      ['setup.exe', 'harmless text'],
      ['报价单.pdf.exe', 'x'],
      ['run.bat', 'echo hi'],
      ['script.ps1', 'Get-Process'],
      ['tool.jar', 'x'],
      ['invoice.exe. ', 'x'],
      ['readme.txt', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
      ['photo.jpg', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64)])],
      ['notes.txt', '#!/bin/sh\nrm -rf /\n'],
      ['data.bin.txt', Buffer.from('cffaedfe07000001', 'hex')],
    ];
    for (const [name, content] of refusedCases) {
      const r = await upload(w, w.agentA, ticket.id, name, content);
      expect([r.statusCode, r.json().code], name).toEqual([415, 'tickets.attachment_type_refused']);
    }
    const big = await upload(w, w.agentA, ticket.id, 'big.txt', Buffer.alloc(MAX + 1, 0x61));
    expect([big.statusCode, big.json().code]).toEqual([413, 'tickets.attachment_too_large']);
    const empty = await upload(w, w.agentA, ticket.id, 'empty.txt', '');
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'tickets.attachment_missing']);
    const json = await w.agentA.post(`/api/v1/tickets/${ticket.id}/attachments`, {});
    expect([json.statusCode, json.json().code]).toEqual([400, 'tickets.attachment_missing']);
    const wrongField = await upload(w, w.agentA, ticket.id, 'a.txt', 'x', { fieldName: 'upload' });
    expect(wrongField.json().code).toBe('tickets.attachment_missing');
    expect((await storedFiles()).length).toBe(before);
    expect(fs.readdirSync(path.join(dir, '.tmp'))).toEqual([]);
  });

  it('keeps files out of reach of those outside the ticket’s scope (404), and checks messageId', async () => {
    const r = await upload(w, w.agentA, ticket.id, 'a.txt', 'scoped');
    const a = r.json();
    expect((await w.agentC.get(a.downloadUrl)).statusCode).toBe(404);
    expect((await w.agentC.get(`/api/v1/tickets/${ticket.id}/attachments`)).statusCode).toBe(404);
    const foreign = await upload(w, w.agentC, ticket.id, 'b.txt', 'x');
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'tickets.not_found']);
    const other = await w.ticket(w.agentC);
    const cross = await w.agentC.get(`/api/v1/tickets/${other.id}/attachments/${a.id}`);
    expect([cross.statusCode, cross.json().code]).toEqual([404, 'tickets.attachment_not_found']);

    const message = (
      await w.agentA.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'note', body: '附上照片' })
    ).json();
    const withMessage = await upload(w, w.agentA, ticket.id, 'c.txt', 'x', { fields: { messageId: message.id } });
    expect(withMessage.json().messageId).toBe(message.id);
    const viaQuery = await upload(w, w.agentA, ticket.id, 'd.txt', 'x', { query: `?messageId=${message.id}` });
    expect(viaQuery.json().messageId).toBe(message.id);
    const otherMessage = (
      await w.agentC.post(`/api/v1/tickets/${other.id}/messages`, { kind: 'note', body: 'x' })
    ).json();
    const bad = await upload(w, w.agentA, ticket.id, 'e.txt', 'x', { query: `?messageId=${otherMessage.id}` });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'tickets.message_not_found']);
  });

  it('lets the uploader or a supervisor delete a file, nobody else; the file leaves the store', async () => {
    const mine = (await upload(w, w.agentA, ticket.id, 'mine.txt', 'to delete')).json();
    const key = (
      await w.t.database.db.execute<{ storage_key: string }>(
        sql`SELECT storage_key FROM ticket_attachments WHERE id = ${mine.id}::uuid`,
      )
    ).rows[0]?.storage_key as string;
    expect(await readStored(key)).toBe('to delete');
    const team = await w.ticket(w.sup);
    const bFile = (await upload(w, w.sup, team.id, 'sup.txt', 'sup file')).json();
    // agentB watches nothing here: the ticket is out of scope → 404; the clerk may not write → 403.
    expect((await w.agentB.delete(`/api/v1/tickets/${ticket.id}/attachments/${mine.id}`)).statusCode).toBe(404);
    expect((await w.clerk.delete(`/api/v1/tickets/${ticket.id}/attachments/${mine.id}`)).statusCode).toBe(403);
    // An agent who sees the ticket but did not upload the file may not delete it.
    // Agent B is outside agent A's scope: the supervisor, whose team holds both, adds B as a watcher.
    const shared = await w.ticket(w.agentA);
    const watched = await w.sup.post(`/api/v1/tickets/${shared.id}/watchers`, { userId: w.agentB.userId });
    expect(watched.statusCode, watched.body).toBe(200);
    const aFile = (await upload(w, w.agentA, shared.id, 'shared.txt', 'shared')).json();
    const notUploader = await w.agentB.delete(`/api/v1/tickets/${shared.id}/attachments/${aFile.id}`);
    expect([notUploader.statusCode, notUploader.json().code]).toEqual([403, 'tickets.attachment_delete_forbidden']);
    expect((await w.agentB.get(`/api/v1/tickets/${shared.id}/attachments`)).json().items[0].canDelete).toBe(false);

    expect((await w.agentA.delete(`/api/v1/tickets/${ticket.id}/attachments/${mine.id}`)).statusCode).toBe(204);
    expect(await readStored(key)).toBeNull();
    expect((await w.agentA.get(mine.downloadUrl)).statusCode).toBe(404);
    expect((await w.sup.delete(`/api/v1/tickets/${shared.id}/attachments/${aFile.id}`)).statusCode).toBe(204);
    expect((await w.sup.delete(`/api/v1/tickets/${team.id}/attachments/${bFile.id}`)).statusCode).toBe(204);
    const history = (await w.agentA.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ action: 'attachment_removed', before: { attachmentId: mine.id } });
  });
});
