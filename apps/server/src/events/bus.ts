import type { Logger } from 'pino';
import type { DomainEvent, EventCatalog, EventName } from './catalog.js';

type Listener<N extends EventName> = (event: DomainEvent<N>) => Promise<void> | void;

/**
 * In-process event bus. `emit` is called by services after commit and never throws: a failing
 * listener is logged and the others still run. Slow work belongs in a job that a listener enqueues.
 */
export class EventBus {
  private readonly listeners = new Map<EventName | '*', Listener<EventName>[]>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  on<N extends EventName>(name: N, listener: Listener<N>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as unknown as Listener<EventName>);
    this.listeners.set(name, list);
  }

  onAny(listener: Listener<EventName>): void {
    const list = this.listeners.get('*') ?? [];
    list.push(listener);
    this.listeners.set('*', list);
  }

  emit<N extends EventName>(name: N, payload: EventCatalog[N], actorId: string | null = null): void {
    const event: DomainEvent<N> = { name, payload, actorId, at: new Date().toISOString() };
    const targets = [...(this.listeners.get(name) ?? []), ...(this.listeners.get('*') ?? [])];
    for (const listener of targets) {
      const run = Promise.resolve()
        .then(() => listener(event as unknown as DomainEvent<EventName>))
        .catch((error) => this.logger.error({ err: error, event: name }, 'event listener failed'))
        .finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }

  /** Resolves when every listener started so far has finished (used at shutdown and in tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
