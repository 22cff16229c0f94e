import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { SseClient, waitFor } from '../../../test/multi-instance/support.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/**
 * The stream delivers an event only to users who hold the permission to read its record and whose
 * data scope includes it; frames carry ids and field names, never values. Streams need a real
 * listening server (app.inject cannot stream).
 *
 * Absence is shown without timing: a hub delivers events in order, so once a later event has
 * reached a stream, an earlier one that was going to reach it would already have.
 */
describe('real-time events follow data scope', () => {
  let t: TestApp;
  let base: string;
  let admin: Session;
  let agentA: Session;
  let agentB: Session;
  let managerB: Session;
  let deptA: string;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await t.signIn('admin');
    deptA = (await createDepartment(t.database.db, { name: '华东客服部' })).id;
    const deptB = (await createDepartment(t.database.db, { name: '华南客服部' })).id;
    await createUser(t.database.db, { username: 'rts_agent_a', roleKey: 'agent', departmentId: deptA });
    await createUser(t.database.db, { username: 'rts_agent_b', roleKey: 'agent', departmentId: deptB });
    await createUser(t.database.db, { username: 'rts_mgr_b', roleKey: 'department_manager', departmentId: deptB });
    agentA = await t.signIn('rts_agent_a');
    agentB = await t.signIn('rts_agent_b');
    managerB = await t.signIn('rts_mgr_b');
  });

  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await t?.close();
  });

  async function open(session: Session) {
    const stream = await SseClient.connect(`${base}/api/v1/realtime/stream`, session.cookies);
    streams.push(stream);
    await stream.waitForEvent((e) => e.event === 'ready');
    return stream;
  }
  const about = (id: string) => (e: { data: string }) => e.data.includes(id);

  async function createCustomer(s: Session, name: string) {
    const r = await s.post('/api/v1/customers', { kind: 'person', name });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number };
  }
  async function createTicket(s: Session, subject: string) {
    const r = await s.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject,
      description: `${subject}：客户来电咨询。`,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  }

  it('delivers an event about a customer only to the agent whose scope includes it, ids only', async () => {
    const [streamA, streamB] = [await open(agentA), await open(agentB)];
    const customer = await createCustomer(agentA, '华东客户');
    const patched = await agentA.patch(`/api/v1/customers/${customer.id}`, {
      wechat: 'wx_secret_value',
      version: customer.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);

    const updated = await streamA.waitForEvent((e) => e.event === 'customer.updated' && about(customer.id)(e));
    expect(JSON.parse(updated.data)).toMatchObject({ payload: { customerId: customer.id, fields: ['wechat'] } });
    expect(updated.data).not.toContain('wx_secret_value');

    // B's own customer reaches B after A's events would have.
    const own = await createCustomer(agentB, '华南客户');
    await streamB.waitForEvent((e) => e.event === 'customer.created' && about(own.id)(e));
    expect(streamB.events.filter(about(customer.id))).toEqual([]);
    await streamA.waitForEvent((e) => e.event === 'customer.created' && about(customer.id)(e));
    await createCustomer(agentA, '华东客户二');
    await streamA.waitForEvent((e) => e.event === 'customer.created' && !about(customer.id)(e));
    expect(streamA.events.filter(about(own.id))).toEqual([]);
  });

  it('delivers an event about a ticket only to users whose scope includes it', async () => {
    const [streamA, streamB] = [await open(agentA), await open(agentB)];
    const ticketA = await createTicket(agentA, '华东咨询');
    const created = await streamA.waitForEvent((e) => e.event === 'ticket.created' && about(ticketA)(e));
    // Ids only: not the type, not the complaint flag.
    expect(Object.keys(JSON.parse(created.data).payload).sort()).toEqual(['customerId', 'ticketId']);

    const ticketB = await createTicket(agentB, '华南咨询');
    await streamB.waitForEvent((e) => e.event === 'ticket.created' && about(ticketB)(e));
    expect(streamB.events.filter(about(ticketA))).toEqual([]);
  });

  it("follows a reader's department change: a manager moved into the department starts receiving its events", async () => {
    const stream = await open(managerB);
    const before = await createCustomer(agentA, '调动前客户');
    const barrier = await createCustomer(agentB, '华南屏障客户');
    await stream.waitForEvent(about(barrier.id));
    expect(stream.events.filter(about(before.id))).toEqual([]);

    const moved = await admin.patch(`/api/v1/users/${managerB.userId}`, { departmentId: deptA });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await createCustomer(agentA, '调动后客户');
    await stream.waitForEvent((e) => e.event === 'customer.created' && about(after.id)(e));
  });

  it('ends the stream when its session signs out', async () => {
    const session = await t.signIn('rts_agent_b');
    const stream = await open(session);
    expect((await session.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    await waitFor('the stream to end', () => stream.closed);
  });
});
