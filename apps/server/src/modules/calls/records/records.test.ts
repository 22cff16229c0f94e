import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calls, customerContacts, customers, customerTimeline } from '../../../db/schema/index.js';
import { linkCallsToCustomers } from './link-customers.js';
import { type CallWorld, callWorld } from './records.test-setup.js';

const day = (hours: number) => new Date(Date.UTC(2026, 2, 2, hours));

describe('calls/records: list, detail, customer linking and call → ticket', () => {
  let w: CallWorld;
  let ids: string[];
  let own: string;
  let viaContact: { customer: string; contact: string };

  beforeAll(async () => {
    w = await callWorld();
    const db = w.t.database.db;
    const [mine] = await db
      .insert(customers)
      .values({
        kind: 'person',
        name: '吴女士',
        ownerId: w.ids.agentA,
        phone: '139 0000 1111',
        phoneNormalized: '13900001111',
      })
      .returning({ id: customers.id });
    const [company] = await db
      .insert(customers)
      .values({ kind: 'company', name: '华东影像器材', ownerId: w.ids.agentB })
      .returning({ id: customers.id });
    const [contact] = await db
      .insert(customerContacts)
      .values({ customerId: company?.id as string, name: '郑经理', mobile: '+86 139-0000-2222' })
      .returning({ id: customerContacts.id });
    own = mine?.id as string;
    viaContact = { customer: company?.id as string, contact: contact?.id as string };
    ids = await w.insertCalls([
      {
        queue: '售后热线',
        enteredAt: day(1),
        outcome: 'answered',
        agent: 'PJSIP/8001',
        agentUserId: w.ids.agentA,
        waitSeconds: 8,
        talkSeconds: 120,
        callerNumber: '13900001111',
      },
      {
        queue: '售后热线',
        enteredAt: day(2),
        outcome: 'answered',
        agent: 'PJSIP/8002',
        agentUserId: w.ids.agentB,
        waitSeconds: 15,
        talkSeconds: 300,
        callerNumber: '8613900002222',
      },
      { queue: '投诉专线', enteredAt: day(3), outcome: 'abandoned', waitSeconds: 45, callerNumber: '13700000000' },
      {
        queue: '投诉专线',
        enteredAt: day(4),
        outcome: 'answered',
        agent: 'PJSIP/8001',
        agentUserId: w.ids.agentA,
        waitSeconds: 3,
        talkSeconds: 60,
        callerNumber: '13600000000',
      },
    ]);
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('lists calls newest first with filters, within the reader’s scope', async () => {
    const all = await w.gm.get('/api/v1/calls?pageSize=2');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.json().items.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[2]]);
    expect(all.json().items[0]).toMatchObject({
      queue: '投诉专线',
      agentName: '钱坐席',
      outcome: 'answered',
      talkSeconds: 60,
    });

    const filtered = async (query: string) =>
      (await w.gm.get(`/api/v1/calls?${query}`)).json().items.map((c: { id: string }) => c.id);
    expect(await filtered(`queue=${encodeURIComponent('投诉专线')}`)).toEqual([ids[3], ids[2]]);
    expect(await filtered('outcome=abandoned')).toEqual([ids[2]]);
    expect(await filtered('q=0000222')).toEqual([ids[1]]);
    expect(await filtered('agent=PJSIP%2F8001')).toEqual([ids[3], ids[0]]);
    expect(await filtered(`from=${day(2).toISOString()}&to=${day(3).toISOString()}`)).toEqual([ids[1]]);
    expect((await w.gm.get('/api/v1/calls?q=13%25')).statusCode).toBe(400);

    // Team scope: their agent's calls and calls without a Kefu agent; own scope: their own.
    const team = (await w.sup.get('/api/v1/calls')).json();
    expect(team.items.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[2], ids[0]]);
    const mine = (await w.agentA.get('/api/v1/calls')).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[0]]);

    expect((await w.agentA.get(`/api/v1/calls/${ids[0]}`)).statusCode).toBe(200);
    const hidden = await w.agentA.get(`/api/v1/calls/${ids[1]}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('calls.not_found');
    expect((await w.gm.get('/api/v1/calls/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await w.gm.get('/api/v1/calls/not-a-uuid')).statusCode).toBe(400);
    expect((await w.plainAgent.get('/api/v1/calls')).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/v1/calls' })).statusCode).toBe(401);
  });

  it('links calls to customers by the caller’s number, once, with a timeline entry', async () => {
    const db = w.t.database.db;
    expect(await linkCallsToCustomers(db, { callIds: ids })).toBe(2);
    const rows = await db.select().from(calls);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0] as string)).toMatchObject({ customerId: own, contactId: null });
    expect(byId.get(ids[1] as string)).toMatchObject({
      customerId: viaContact.customer,
      contactId: viaContact.contact,
    });
    expect(byId.get(ids[2] as string)?.customerId).toBeNull();

    // Again: nothing new, no second timeline entry.
    expect(await linkCallsToCustomers(db, { since: day(0) })).toBe(0);
    const entries = await db.select().from(customerTimeline).where(eq(customerTimeline.refType, 'call'));
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.customerId === own)).toMatchObject({
      kind: 'pbx_call',
      channel: 'phone',
      direction: 'inbound',
      title: 'call.answered:售后热线',
      refId: ids[0],
      after: { queue: '售后热线', outcome: 'answered', waitSeconds: 8, talkSeconds: 120, agent: '钱坐席' },
    });
    const timeline = await w.admin.get(`/api/v1/customers/${own}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const titles = timeline.json().items.map((e: { title: string }) => e.title);
    expect(titles).toContain('来电（售后热线）：已接听');

    // The list shows the customer's name to those who see the customer, filters by it.
    const list = (await w.agentA.get(`/api/v1/calls?customerId=${own}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: ids[0], customerId: own, customerName: '吴女士' })]);
    const other = (await w.sup.get(`/api/v1/calls/${ids[0]}`)).json();
    expect(other.customerId).toBe(own);
  });

  it('turns a call into a ticket once', async () => {
    const first = await w.agentA.post('/api/v1/call-tickets', { callId: ids[0] });
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ callId: ids[0], created: true });
    expect(body.ticketNumber).not.toBe('');
    const again = await w.agentA.post('/api/v1/call-tickets', { callId: ids[0], subject: '另一个' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ticketId: body.ticketId, created: false });
    expect((await w.agentA.get(`/api/v1/calls/${ids[0]}`)).json().ticketId).toBe(body.ticketId);

    const ticket = await w.agentA.get(`/api/v1/tickets/${body.ticketId}`);
    expect(ticket.statusCode, ticket.body).toBe(200);
    expect(ticket.json()).toMatchObject({ channel: 'phone', customerId: own, tags: ['call'] });
    expect(ticket.json().subject).toContain('售后热线');
    const [entry] = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'call.ticket_created'), eq(auditLog.entityId, ids[0] as string)));
    expect(entry?.after).toMatchObject({ ticketId: body.ticketId });

    // A call without a customer becomes a ticket without one.
    const plain = await w.agentA.post('/api/v1/call-tickets', {
      callId: ids[3],
      subject: '来电咨询',
      description: '客户询问保修期',
    });
    expect(plain.statusCode, plain.body).toBe(201);

    expect((await w.agentA.post('/api/v1/call-tickets', { callId: ids[1] })).statusCode).toBe(404);
    // Without calls.read (an agent): only calls they answered or linked to customers they see.
    expect((await w.plainAgent.post('/api/v1/call-tickets', { callId: ids[2] })).statusCode).toBe(404);
    expect((await w.gm.post('/api/v1/call-tickets', { callId: ids[2] })).statusCode).toBe(403);
    expect((await w.agentA.post('/api/v1/call-tickets', { callId: ids[0], typeKey: 'nope' })).statusCode).toBe(200);
  });
});
