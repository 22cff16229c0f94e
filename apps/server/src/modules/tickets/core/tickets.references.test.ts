import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays, type TicketWorld, ticketWorld } from '../ticket-work.test-setup.js';

/**
 * Issue 10, defect 6: every id a ticket route refers to — customer, contact, assignee, watchers,
 * measure owner, link and merge target — must be within the caller's scope, or it does not exist
 * for them (404); assigning at creation needs tickets.assign (403).
 */
describe('tickets: what a ticket refers to must be within the caller’s scope', () => {
  let w: TicketWorld;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await ticketWorld();
    const users = await w.t.database.db.execute<{ id: string; username: string }>(
      sql`SELECT id, username FROM users WHERE username IN ('agenta', 'agentb', 'agentc', 'sup')`,
    );
    for (const u of users.rows) ids[u.username] = u.id;
    const customer = async (s: typeof w.agentA, name: string, phone: string) => {
      const r = await s.post('/api/v1/customers', {
        kind: 'company',
        name,
        phone,
        contacts: [{ name: `${name}联系人`, mobile: phone.replace(/\D/g, '').padStart(11, '1').slice(0, 11) }],
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; contacts: { id: string }[] };
    };
    const mine = await customer(w.agentA, '上海华信医疗器械有限公司', '021-62345678');
    const theirs = await customer(w.agentC, '广州喜临门婚纱摄影有限公司', '020-38881234');
    ids.mine = mine.id;
    ids.mineContact = mine.contacts[0]?.id as string;
    ids.theirs = theirs.id;
    ids.theirContact = theirs.contacts[0]?.id as string;
  });
  afterAll(async () => w?.t.close());

  const base = { typeKey: 'consultation', channel: 'phone', subject: '报修咨询', description: '客户来电咨询报修流程' };

  it('refuses a customer outside the caller’s scope on create and on PATCH (404), and a contact of another customer', async () => {
    const refused = await w.agentA.post('/api/v1/tickets', { ...base, customerId: ids.theirs });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'customers.not_found' });
    expect(refused.body).not.toContain('喜临门');
    const timeline = await w.t.database.db.execute(
      sql`SELECT 1 FROM customer_timeline WHERE customer_id = ${ids.theirs}::uuid AND ref_type = 'ticket'`,
    );
    expect(timeline.rows).toHaveLength(0);

    const foreignContact = await w.agentA.post('/api/v1/tickets', {
      ...base,
      customerId: ids.mine,
      contactId: ids.theirContact,
    });
    expect(foreignContact.statusCode).toBe(404);
    expect(foreignContact.json().code).toBe('customers.contact_not_found');

    const ticket = await w.ticket(w.agentA, { customerId: ids.mine, contactId: ids.mineContact });
    const patched = await w.agentA.patch(`/api/v1/tickets/${ticket.id}`, {
      version: ticket.version,
      customerId: ids.theirs,
      contactId: null,
    });
    expect(patched.statusCode).toBe(404);
    expect(patched.json().code).toBe('customers.not_found');
    // Sending back the customer as read is not a change, and is fine.
    const same = await w.agentA.patch(`/api/v1/tickets/${ticket.id}`, {
      version: ticket.version,
      customerId: ids.mine,
      subject: '报修咨询（已核实）',
    });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('the chosen contact’s name and number are stored on the ticket (shown on it)', async () => {
    const customer = (await w.agentA.get(`/api/v1/customers/${ids.mine}`)).json() as {
      contacts: { id: string; name: string; mobile: string | null }[];
    };
    const contact = customer.contacts.find((c) => c.id === ids.mineContact);
    expect(contact?.mobile).toBeTruthy();
    const created = await w.agentA.post('/api/v1/tickets', {
      ...base,
      customerId: ids.mine,
      contactId: ids.mineContact,
    });
    expect(created.statusCode, created.body).toBe(201);
    const read = (await w.agentA.get(`/api/v1/tickets/${created.json().id}`)).json();
    expect(read).toMatchObject({
      contactId: ids.mineContact,
      contactName: '上海华信医疗器械有限公司联系人',
      contactPhone: contact?.mobile,
    });
    // A name and number the form gives win (the caller said another number).
    const given = await w.agentA.post('/api/v1/tickets', {
      ...base,
      customerId: ids.mine,
      contactId: ids.mineContact,
      contactPhone: '13900001111',
    });
    expect(given.json()).toMatchObject({ contactName: '上海华信医疗器械有限公司联系人', contactPhone: '13900001111' });
    // Choosing the contact later, on an edit, stores them the same way.
    const later = (await w.agentA.post('/api/v1/tickets', { ...base, customerId: ids.mine })).json();
    expect(later.contactName).toBeNull();
    const edited = await w.agentA.patch(`/api/v1/tickets/${later.id}`, {
      version: later.version,
      contactId: ids.mineContact,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      contactId: ids.mineContact,
      contactName: '上海华信医疗器械有限公司联系人',
      contactPhone: contact?.mobile,
    });
  });

  it('assigning at creation needs tickets.assign; the assignee and watchers must be within scope', async () => {
    const toColleague = await w.agentA.post('/api/v1/tickets', { ...base, assigneeId: ids.agentb });
    expect(toColleague.statusCode).toBe(403);
    expect(toColleague.json()).toMatchObject({ code: 'forbidden', params: { permission: 'tickets.assign' } });
    expect((await w.agentA.post('/api/v1/tickets', { ...base, assign: 'round_robin' })).statusCode).toBe(403);
    // Recording it as one's own is not assigning.
    const own = await w.agentA.post('/api/v1/tickets', { ...base, assigneeId: ids.agenta });
    expect(own.statusCode, own.body).toBe(201);

    // The supervisor may assign, but only to people of her team.
    const outside = await w.sup.post('/api/v1/tickets', { ...base, assigneeId: ids.agentc });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('users.not_found');
    const inside = await w.sup.post('/api/v1/tickets', { ...base, assigneeId: ids.agentb });
    expect(inside.statusCode, inside.body).toBe(201);
    const reassign = await w.sup.post(`/api/v1/tickets/${inside.json().id}/assign`, {
      version: inside.json().version,
      strategy: 'manual',
      assigneeId: ids.agentc,
    });
    expect(reassign.statusCode).toBe(404);

    // Watching opens a ticket: nobody may open one to people outside their scope.
    const watcher = await w.agentA.post('/api/v1/tickets', { ...base, watcherIds: [ids.agentc] });
    expect(watcher.statusCode).toBe(404);
    expect(watcher.json()).toMatchObject({ code: 'users.not_found', errors: [{ path: 'watcherIds.0' }] });
    const ticket = await w.ticket(w.agentA);
    expect((await w.sup.post(`/api/v1/tickets/${ticket.id}/watchers`, { userId: ids.agentc })).statusCode).toBe(404);
    expect((await w.agentC.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
  });

  it('an improvement measure’s owner must be within the caller’s scope', async () => {
    const ticket = await w.ticket(w.agentA, { typeKey: 'complaint', nextReplyAt: inDays(1) });
    const measure = { title: '优化报修流程', dueDate: inDays(10).slice(0, 10) };
    const outside = await w.sup.post(`/api/v1/tickets/${ticket.id}/measures`, { ...measure, ownerId: ids.agentc });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('users.not_found');
    const inside = await w.sup.post(`/api/v1/tickets/${ticket.id}/measures`, { ...measure, ownerId: ids.agentb });
    expect(inside.statusCode, inside.body).toBe(201);
  });

  it('a link can be removed only by someone who sees both tickets (404 otherwise)', async () => {
    const a = await w.ticket(w.agentA);
    const c = await w.ticket(w.agentC);
    expect((await w.admin.post(`/api/v1/tickets/${a.id}/links`, { ticketId: c.id })).statusCode).toBe(201);
    const refused = await w.agentA.delete(`/api/v1/tickets/${a.id}/links/${c.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('tickets.not_found');
    // Neither can she link to it, nor merge it.
    expect((await w.agentA.post(`/api/v1/tickets/${a.id}/links`, { ticketId: c.id })).statusCode).toBe(404);
    const links = await w.admin.get(`/api/v1/tickets/${a.id}/links`);
    expect(links.json().items.map((l: { id: string }) => l.id)).toEqual([c.id]);
    expect((await w.admin.delete(`/api/v1/tickets/${a.id}/links/${c.id}`)).statusCode).toBe(204);
  });
});
