import { expect } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import type { Config } from '../../config/config.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/**
 * The organisation the merge, link, measure, attachment and report tests work in:
 * 客户服务中心 › 热线组 (supervisor `sup` over agents `agenta`, `agentb`), and 华南分部 (agent
 * `agentc`, outside everyone's scope but the administrator's); `clerk` may only read tickets.
 */
export type TicketWorld = {
  t: TestApp;
  admin: Session;
  sup: Session;
  agentA: Session;
  agentB: Session;
  agentC: Session;
  clerk: Session;
  departments: { centre: string; hotline: string; elsewhere: string };
  /** Records a ticket through the API; a complaint gets a promised next-reply time. */
  ticket(s: Session, body?: Record<string, unknown>): Promise<TicketJson>;
};

export type TicketJson = { id: string; number: string; version: number; status: string; [key: string]: unknown };

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export async function ticketWorld(config: Partial<Config> = {}): Promise<TicketWorld> {
  const t = await createTestApp({ config });
  const db = t.database.db;
  const centre = await createDepartment(db, { name: '客户服务中心' });
  const hotline = await createDepartment(db, { name: '热线组', parentId: centre.id });
  const elsewhere = await createDepartment(db, { name: '华南分部' });
  const sup = await createUser(db, {
    username: 'sup',
    displayName: '周主管',
    roleKey: 'supervisor',
    departmentId: hotline.id,
  });
  for (const [username, displayName] of [
    ['agenta', '王坐席'],
    ['agentb', '李坐席'],
  ] as const) {
    await createUser(db, { username, displayName, roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
  }
  await createUser(db, { username: 'agentc', displayName: '陈坐席', roleKey: 'agent', departmentId: elsewhere.id });
  await createUser(db, { username: 'clerk', displayName: '赵文员', roleKey: 'clerk', departmentId: hotline.id });
  let n = 0;
  return {
    t,
    admin: await t.signIn('admin'),
    sup: await t.signIn('sup'),
    agentA: await t.signIn('agenta'),
    agentB: await t.signIn('agentb'),
    agentC: await t.signIn('agentc'),
    clerk: await t.signIn('clerk'),
    departments: { centre: centre.id, hotline: hotline.id, elsewhere: elsewhere.id },
    async ticket(s, body = {}) {
      n += 1;
      const typeKey = (body.typeKey as string | undefined) ?? 'consultation';
      const r = await s.post('/api/v1/tickets', {
        typeKey,
        channel: 'phone',
        subject: `测试工单${n}`,
        description: `客户来电反映的情况${n}`,
        ...(typeKey === 'complaint' ? { nextReplyAt: inDays(1) } : {}),
        ...body,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    },
  };
}

/** A multipart/form-data body: optional fields first, then one file part. */
export function multipartBody(
  fileName: string,
  content: Buffer | string,
  options: { contentType?: string; fields?: Record<string, string>; fieldName?: string } = {},
) {
  const boundary = `----kefu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.fieldName ?? 'file'}"; filename="${fileName}"\r\n` +
        `Content-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file to a ticket as `s`. */
export function upload(
  world: Pick<TicketWorld, 't'>,
  s: Session,
  ticketId: string,
  fileName: string,
  content: Buffer | string,
  options: { contentType?: string; fields?: Record<string, string>; fieldName?: string; query?: string } = {},
) {
  const body = multipartBody(fileName, content, options);
  return world.t.app.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments${options.query ?? ''}`,
    cookies: s.cookies,
    headers: { 'x-csrf-token': s.cookies.kefu_csrf ?? '', 'content-type': body.contentType },
    payload: body.payload,
  });
}
