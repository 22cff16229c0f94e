import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { OutboxDispatcher } from '../events/dispatcher.js';
import type { JobRunner } from '../jobs/runner.js';
import type { ChannelAdapter, DeliveryChannel } from './channel-adapter.js';
import type { FileStore } from './file-store/file-store.js';

/** What use-case functions need from the running app; built once in `buildApp`. */
export type Deps = {
  config: Config;
  database: Database;
  /** Delivers recorded events to durable listeners (events are recorded with `recordEvent(tx, …)`). */
  outbox: OutboxDispatcher;
  jobs: JobRunner;
  /** Where files (attachments) live, shared by every instance (lib/file-store, ADR 0008). */
  files: FileStore;
  /** The delivery channels' adapters (modules' `channels`), used by the notification delivery job. */
  channels: ReadonlyMap<DeliveryChannel, ChannelAdapter>;
};
