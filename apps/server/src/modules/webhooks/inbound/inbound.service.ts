import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findCustomerByContact } from '../../customers/index.js';
import { openInboundTicket } from '../../tickets/index.js';
import { generateSecret, isValidSecret, verifySignature } from '../webhooks.signature.js';
import * as repo from './inbound.repository.js';
import type { CreateInboundSourceBodySchema, InboundEvent, UpdateInboundSourceBodySchema } from './inbound.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };
type CreateInput = (typeof CreateInboundSourceBodySchema)['_zod']['output'];
type UpdateInput = (typeof UpdateInboundSourceBodySchema)['_zod']['output'];

function view(row: repo.InboundSource) {
  const { secret: _secret, createdBy: _createdBy, ...rest } = row;
  return { ...rest, priority: rest.priority as 'low' | 'normal' | 'high' | 'urgent' | null };
}

export async function listSources(deps: Deps) {
  return { items: (await repo.listSources(deps.database.db)).map(view) };
}

export async function getSource(deps: Deps, id: string) {
  const row = await repo.findSource(deps.database.db, id);
  if (!row) throw new AppError('webhooks.source_not_found', 404);
  return view(row);
}

export async function createSource(deps: Deps, ctx: ActorCtx, input: CreateInput) {
  if (input.secret !== undefined && !isValidSecret(input.secret)) {
    throw badRequest('webhooks.bad_secret', {}, [{ path: 'secret', message: 'whsec_ + base64 of 24–64 bytes' }]);
  }
  const secret = input.secret ?? generateSecret();
  const row = await deps.database.db.transaction(async (tx) => {
    const created = await repo.insertSource(tx, {
      name: input.name,
      secret,
      ticketTypeKey: input.ticketTypeKey ?? null,
      priority: input.priority ?? null,
      enabled: input.enabled ?? true,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'inbound_source.created',
      entityType: 'inbound_source',
      entityId: created.id,
      after: view(created),
    });
    return created;
  });
  return { ...view(row), secret };
}

export async function updateSource(deps: Deps, ctx: ActorCtx, id: string, input: UpdateInput) {
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findSource(tx, id, { lock: true });
    if (!before) throw new AppError('webhooks.source_not_found', 404);
    const updated = await repo.updateSource(tx, id, input);
    await recordAudit(tx, ctx, {
      action: 'inbound_source.updated',
      entityType: 'inbound_source',
      entityId: id,
      before: view(before),
      after: view(updated),
    });
    return updated;
  });
  return view(row);
}

export async function deleteSource(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findSource(tx, id, { lock: true });
    if (!before) throw new AppError('webhooks.source_not_found', 404);
    await repo.deleteSource(tx, id);
    await recordAudit(tx, ctx, {
      action: 'inbound_source.deleted',
      entityType: 'inbound_source',
      entityId: id,
      before: view(before),
    });
  });
}

/**
 * Checks a received message before its body is even parsed as the API's schema: the source exists
 * and is enabled, the Standard Webhooks signature holds over the raw body within 5 minutes.
 */
export async function verifyInbound(
  deps: Deps,
  sourceId: string,
  rawBody: string,
  headers: Record<string, string | undefined>,
) {
  const source = await repo.findSource(deps.database.db, sourceId);
  if (!source?.enabled) throw new AppError('webhooks.source_not_found', 404);
  if (!verifySignature(source.secret, rawBody, headers)) throw new AppError('webhooks.signature_invalid', 401);
}

/**
 * Opens a ticket for a verified message, once per `webhook-id` (a replay is refused with 409 and
 * creates nothing). The customer is matched by phone or e-mail.
 */
export async function receiveInbound(deps: Deps, sourceId: string, messageId: string, event: InboundEvent) {
  return deps.database.db.transaction(async (tx) => {
    const source = await repo.findSource(tx, sourceId);
    if (!source?.enabled) throw new AppError('webhooks.source_not_found', 404);
    if (!(await repo.claimMessage(tx, sourceId, messageId))) {
      throw new AppError('webhooks.replayed', 409, { params: { id: messageId } });
    }
    const { data } = event;
    const match = data.contact
      ? await findCustomerByContact(tx, { email: data.contact.email, phone: data.contact.phone })
      : null;
    const ticket = await openInboundTicket(tx, deps, {
      channel: 'api',
      customerId: match?.customerId ?? null,
      subject: data.subject,
      description: data.description,
      typeKey: data.typeKey ?? source.ticketTypeKey ?? undefined,
      priority: data.priority ?? (source.priority as InboundEvent['data']['priority']) ?? undefined,
      source: `inbound:${source.id}`,
      contactName: data.contact?.name ?? null,
      contactPhone: data.contact?.phone ?? null,
    });
    await repo.settleMessage(tx, sourceId, messageId, {
      ticketId: ticket.id,
      details: { type: event.type, customerId: match?.customerId ?? null },
    });
    return { ticketId: ticket.id, number: ticket.number, customerId: match?.customerId ?? null };
  });
}
