import type { ErrorCode, Permission } from '@kefu/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { EventName } from '../events/catalog.js';
import type { DurableListener } from '../events/listener.js';
import type { JobDefinition } from '../jobs/definition.js';
import type { AudienceResolver } from './data-scope.js';
import type { Deps } from './deps.js';

/** A route plugin of a module and where it is mounted. */
export type ModuleRoutes = {
  // biome-ignore lint/suspicious/noExplicitAny: each plugin declares its own options beyond `deps`.
  plugin: FastifyPluginAsync<any>;
  prefix: string;
};

/**
 * Everything a module brings to the app, in one place (`modules/<name>/<name>.module.ts`); the app
 * iterates the module list (`modules/index.ts`). See CONTRIBUTING.md, "Add a module".
 */
export type ModuleManifest = {
  /** Folder name; also the OpenAPI tag of its routes and the prefix of its permissions/events. */
  name: string;
  routes?: ModuleRoutes[];
  /** Permissions this module declares (the shared catalog lists them for the web). */
  permissions?: readonly Permission[];
  /** Error codes this module raises (messages in the shared catalog, zh-CN and en). */
  errors?: readonly ErrorCode[];
  /** Events this module records in the outbox. */
  events?: readonly EventName[];
  listeners?: readonly DurableListener[];
  jobs?: readonly JobDefinition[];
  /** Whom each kind of its records concerns (audit and real-time data scope). */
  audiences?: Readonly<Record<string, AudienceResolver>>;
  /** Sub-domains (same shape) — tickets/core, tickets/queue … — merged into this module. */
  parts?: readonly ModuleManifest[];
  /** Called once when the app starts / closes (e.g. the real-time hub). */
  start?(deps: Deps): Promise<void>;
  stop?(): Promise<void>;
};
