import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.js';
import type { DomainEvent } from '../../events/catalog.js';
import { loadOutboxEvent, OUTBOX_CHANNEL, parseOutboxNotice } from '../../events/outbox.js';
import type { Actor } from '../../lib/actor.js';
import {
  audienceIncludes,
  type ReaderScope,
  type RecordAudience,
  resolveReaderScope,
  resolveRecordAudiences,
} from '../../lib/data-scope.js';
import { currentActor, type StreamCredential } from './realtime.identity.js';
import { browserFrame, ruleOf } from './realtime.rules.js';

/** Every connection's actor and scope are read again this often (a session that ended, a role edited elsewhere). */
const REFRESH_MS = 5 * 60_000;

/** User fields whose change moves people in or out of others' team and department scopes. */
const STRUCTURE_FIELDS = new Set(['departmentId', 'superiorId', 'roleKey', 'isActive']);

type Client = { userId: string; response: ServerResponse; credential: StreamCredential; scope: ReaderScope };

/**
 * Server-sent events, fanned out across instances: every event recorded in the outbox is NOTIFYed
 * on one PostgreSQL channel when its transaction commits (events/outbox.ts); every instance
 * LISTENs to it, and each instance decides for the browsers connected to it
 * who receives what (realtime.rules.ts): the holders of the event's permission whose data scope
 * includes its record, checked against the actor and scope resolved when the stream opened and
 * again when their role, department or session changes. Frames carry ids and field names, never
 * record values: a browser refetches through the scoped API.
 */
export class RealtimeHub {
  private readonly clients = new Set<Client>();
  private unlisten: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Events are handled one at a time, in the order they arrive. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(OUTBOX_CHANNEL, (payload) => this.enqueue(() => this.handle(payload)));
    this.timer = setInterval(() => this.enqueue(() => this.refresh(() => true)), REFRESH_MS);
    this.timer.unref();
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  /** Registers an open SSE response with its actor's scope; returns the function that unregisters it. */
  async attach(actor: Actor, credential: StreamCredential, response: ServerResponse): Promise<() => void> {
    const scope = await resolveReaderScope(this.database.db, actor);
    const client: Client = { userId: actor.userId, response, credential, scope };
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  /** Resolves when every event received so far has been handled (tests). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error) => this.logger.error({ err: error }, 'realtime delivery failed'));
  }

  /**
   * Every event but sign-in ones; `auth.logged_out` never reaches a browser but makes the hub
   * check that user's streams again, so signing out ends them.
   */
  private async handle(payload: string): Promise<void> {
    const notice = parseOutboxNotice(payload);
    if (!notice || 'wake' in notice) return;
    if (notice.name.startsWith('auth.') && notice.name !== 'auth.logged_out') return;
    if (this.clients.size === 0) return;
    const event = (notice.payload === null ? await this.load(notice.id) : notice) as DomainEvent | undefined;
    if (!event) return;
    await this.refreshAfter(event);
    const rule = ruleOf(event.name);
    if (!rule) return;
    const data = event.payload as Record<string, unknown>;
    const direct = new Set(rule.direct?.(data) ?? []);
    const { permission } = rule;
    const candidates = [...this.clients].filter(
      (c) => direct.has(c.userId) || (permission !== undefined && c.scope.actor.permissions.has(permission)),
    );
    const needsRecords = candidates.some((c) => !direct.has(c.userId) && c.scope.userIds !== null);
    const audiences = rule.records && needsRecords ? await this.audiencesOf(rule.records(data)) : null;
    const frame = browserFrame(event, rule.keys);
    for (const client of candidates) {
      const allowed =
        direct.has(client.userId) ||
        !rule.records ||
        client.scope.userIds === null ||
        (audiences ?? []).some((audience) => audienceIncludes(audience, client.scope));
      if (allowed) client.response.write(frame);
    }
  }

  /** An event too big to travel in its notification, read back from the outbox. */
  private async load(id: string): Promise<DomainEvent | undefined> {
    return loadOutboxEvent(this.database.db, id);
  }

  /** The audiences of the records an event is about; a type no module registered has none (nobody below `all`). */
  private async audiencesOf(refs: { entityType: string; ids: (string | null)[] }[]): Promise<RecordAudience[]> {
    const result: RecordAudience[] = [];
    for (const ref of refs) {
      const ids = ref.ids.filter((id): id is string => typeof id === 'string');
      const found = await resolveRecordAudiences(this.database.db, ref.entityType, ids);
      if (found) result.push(...found.values());
    }
    return result;
  }

  /** Reads again the actor and scope of the connections an event may have changed, before delivering it. */
  private async refreshAfter(event: DomainEvent): Promise<void> {
    const p = event.payload as Record<string, unknown>;
    const widened = (c: Client) => c.scope.actor.dataScope === 'team' || c.scope.actor.dataScope === 'department';
    switch (event.name) {
      case 'auth.logged_out':
        return this.refresh((c) => c.userId === p.userId);
      case 'role.updated':
      case 'role.deleted':
        return this.refresh((c) => c.scope.actor.roleKey === p.roleKey);
      case 'user.updated': {
        const structural = Array.isArray(p.fields) && p.fields.some((f) => STRUCTURE_FIELDS.has(String(f)));
        return this.refresh((c) => c.userId === p.userId || (structural && widened(c)));
      }
      case 'user.created':
        return this.refresh(widened);
      case 'handover.completed':
        return this.refresh((c) => c.userId === p.fromUserId || c.userId === p.toUserId || widened(c));
      case 'department.created':
      case 'department.updated':
      case 'department.deleted':
        return this.refresh((c) => c.scope.actor.dataScope === 'department');
    }
  }

  /** Re-resolves the matching connections; ends those whose session or token no longer holds. */
  private async refresh(which: (client: Client) => boolean): Promise<void> {
    for (const client of [...this.clients].filter(which)) {
      try {
        const actor = await currentActor(this.database.db, client.credential);
        if (actor) {
          client.scope = await resolveReaderScope(this.database.db, actor);
          continue;
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'realtime: could not refresh a connection; closing it');
      }
      this.clients.delete(client);
      client.response.end();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unlisten?.();
    await this.queue;
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }
}
