import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { signedHeaders } from '../../webhooks/index.js';

describe('live call events (POST /api/v1/calls/events)', () => {
  let t: TestApp;
  let admin: Session;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  const send = (body: object, options: { key?: string; at?: Date; tamper?: boolean } = {}) => {
    const text = JSON.stringify(body);
    const headers = signedHeaders([options.key ?? secret], randomUUID(), options.at ?? new Date(), text);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/calls/events',
      headers: { 'content-type': 'application/json', ...headers },
      payload: options.tamper ? text.replace('support', 'sales') : text,
    });
  };
  const webhookCalls = async () =>
    (
      await t.database.db.execute<Record<string, unknown>>(
        sql`SELECT id, outcome, agent, agent_user_id, caller_number, wait_seconds, talk_seconds
            FROM calls WHERE source = 'webhook' ORDER BY entered_at`,
      )
    ).rows;
  const events = async () =>
    (
      await t.database.db.execute<{ name: string; payload: Record<string, unknown> }>(
        sql`SELECT name, payload FROM outbox_events WHERE name LIKE 'call.%' ORDER BY id`,
      )
    ).rows;

  it('is off until a secret is set; the secret is write-only', async () => {
    const off = await send({ type: 'ringing', callId: 'x', queue: 'support' }, { key: `whsec_${'A'.repeat(44)}` });
    expect(off.statusCode).toBe(403);
    expect(off.json().code).toBe('calls.webhook_disabled');
    expect((await admin.get('/api/v1/calls/webhook')).json()).toEqual({ hasSecret: false });
    const set = await admin.put('/api/v1/calls/webhook', {});
    expect(set.statusCode, set.body).toBe(200);
    secret = set.json().secret;
    expect(secret).toMatch(/^whsec_/);
    expect((await admin.get('/api/v1/calls/webhook')).json()).toEqual({ hasSecret: true });
    const bad = await admin.put('/api/v1/calls/webhook', { secret: 'not-a-secret' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('calls.webhook_secret_invalid');
  });

  it('refuses a wrong, tampered or stale signature with 401 and stores nothing', async () => {
    const event = { type: 'ringing', callId: '1772413200.1', queue: 'support', callerNumber: '13800138000' };
    const wrong = await send(event, { key: `whsec_${Buffer.alloc(32, 7).toString('base64')}` });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('calls.signature_invalid');
    expect((await send(event, { tamper: true })).statusCode).toBe(401);
    const stale = await send(event, { at: new Date(Date.now() - 10 * 60_000) });
    expect(stale.statusCode).toBe(401);
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/v1/calls/events', payload: event });
    expect(unsigned.statusCode).toBe(400);
    expect(await webhookCalls()).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it('stores the call from its events and records call.* for the agent it rings and the wall board', async () => {
    const agent = await admin.post('/api/v1/users', {
      username: 'agent8001',
      displayName: '王芳',
      password: 'Passw0rd!',
      roleKey: 'agent',
    });
    const agentId = agent.json().id as string;
    await t.database.db.execute(sql`INSERT INTO call_agent_links (agent, user_id) VALUES ('PJSIP/8001', ${agentId})`);
    const base = { callId: '1772413200.1', queue: 'support' };
    const ringing = await send({ ...base, type: 'ringing', callerNumber: '13800138000', agent: 'PJSIP/8001' });
    expect(ringing.statusCode, ringing.body).toBe(200);
    expect(ringing.json()).toMatchObject({ outcome: 'unresolved', changed: true });
    const callId = ringing.json().callId;
    // The same message again: nothing changes, nothing is pushed twice.
    const repeated = await send({ ...base, type: 'ringing', callerNumber: '13800138000', agent: 'PJSIP/8001' });
    expect(repeated.json()).toMatchObject({ callId, changed: false });
    expect((await send({ ...base, type: 'answered', agent: 'PJSIP/8001', waitSeconds: 12 })).json()).toMatchObject({
      callId,
      outcome: 'answered',
    });
    expect((await send({ ...base, type: 'ended', talkSeconds: 95 })).statusCode).toBe(200);
    expect(await webhookCalls()).toEqual([
      {
        id: callId,
        outcome: 'answered',
        agent: 'PJSIP/8001',
        agent_user_id: agentId,
        caller_number: '13800138000',
        wait_seconds: 12,
        talk_seconds: 95,
      },
    ]);
    const abandoned = await send({ type: 'abandoned', callId: '1772413300.2', queue: 'support', waitSeconds: 40 });
    expect(abandoned.json()).toMatchObject({ outcome: 'abandoned', changed: true });
    const recorded = await events();
    expect(recorded.map((e) => e.name)).toEqual(['call.ringing', 'call.answered', 'call.ended', 'call.abandoned']);
    expect(recorded[0]?.payload).toEqual({ callId, queue: 'support', agentUserId: agentId, customerId: null });
  });

  it('validates the event after the signature: a signed but malformed event is 400', async () => {
    const res = await send({ type: 'hold', callId: 'x', queue: 'support' });
    expect(res.statusCode).toBe(400);
  });
});
