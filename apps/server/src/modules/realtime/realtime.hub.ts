import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.js';
import type { DomainEvent } from '../../events/catalog.js';

export const REALTIME_CHANNEL = 'kefu_realtime';

type Client = { userId: string; response: ServerResponse };

/**
 * Server-sent events, fanned out across instances: every instance NOTIFYs the event on one
 * PostgreSQL channel and LISTENs to it, then writes it to the browsers connected to it. Messages
 * carry event names and ids, never record data: a browser refetches through the scoped API.
 */
export class RealtimeHub {
  private readonly clients = new Set<Client>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(REALTIME_CHANNEL, (payload) => this.deliver(payload));
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.database.notify(REALTIME_CHANNEL, JSON.stringify(event));
  }

  /** Registers an open SSE response; returns the function that unregisters it. */
  attach(userId: string, response: ServerResponse): () => void {
    const client = { userId, response };
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  private deliver(payload: string): void {
    let name = 'message';
    try {
      name = (JSON.parse(payload) as DomainEvent).name;
    } catch (error) {
      this.logger.warn({ err: error }, 'malformed realtime payload');
      return;
    }
    const frame = `event: ${name}\ndata: ${payload}\n\n`;
    for (const client of this.clients) client.response.write(frame);
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }
}
