import type { ErrorCode, Permission } from '@kefu/shared';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { EventName } from '../events/catalog.js';
import type { DurableListener } from '../events/listener.js';
import type { JobDefinition } from '../jobs/definition.js';
import type { ChannelAdapter } from './channel-adapter.js';
import type { AudienceResolver } from './data-scope.js';
import type { Deps } from './deps.js';

/** What a module's start/stop hooks (and route options) get: the app's dependencies and its logger. */
export type ModuleContext = { deps: Deps; log: FastifyBaseLogger };

/**
 * A route plugin of a module and where it is mounted; the plugin gets `{ deps, ...options }`
 * (`options` read after the start hooks ran, e.g. the real-time hub).
 */
export type ModuleRoutes = {
  // biome-ignore lint/suspicious/noExplicitAny: each plugin declares its own options beyond `deps`.
  plugin: FastifyPluginAsync<any>;
  prefix: string;
  options?: (context: ModuleContext) => Record<string, unknown>;
};

/**
 * Everything a module brings to the app, in one place (`modules/<name>/<name>.module.ts`); the app
 * iterates the module list (`modules/index.ts`). See CONTRIBUTING.md, "Add a module".
 */
export type ModuleManifest = {
  /** Folder name; also the OpenAPI tag of its routes. */
  name: string;
  /** One line for integrators: the OpenAPI tag's description. */
  description?: string;
  routes?: readonly ModuleRoutes[];
  /** Permissions this module declares (each owned by exactly one module; the shared catalog lists them for the web). */
  permissions?: readonly Permission[];
  /** Error codes this module raises (each owned by exactly one module; messages in the shared catalog, zh-CN and en). */
  errors?: readonly ErrorCode[];
  /** Events this module records in the outbox (each owned by exactly one module). */
  events?: readonly EventName[];
  /** Durable listeners: the outbox dispatcher delivers the events they subscribe to. */
  listeners?: readonly DurableListener[];
  /** Job definitions (queues, schedules) run by the job runner. */
  jobs?: readonly JobDefinition[];
  /** Delivery channels it speaks (lib/channel-adapter.ts): each channel has exactly one adapter. */
  channels?: readonly ChannelAdapter[];
  /** Whom each kind of its records concerns (audit and real-time data scope), keyed by record type. */
  audiences?: Readonly<Record<string, AudienceResolver>>;
  /** The kinds of record it indexes for full-text search (`lib/search`). */
  searchDocuments?: readonly string[];
  /** Sub-domains (same shape) — tickets/core, tickets/queue … — merged into this module. */
  parts?: readonly ModuleManifest[];
  /** Called once when the app starts (before its routes are registered) and when it closes. */
  start?(context: ModuleContext): Promise<void> | void;
  stop?(context: ModuleContext): Promise<void> | void;
};

/** A manifest and its parts, depth first (the module itself first). */
export function withParts(manifest: ModuleManifest): ModuleManifest[] {
  return [manifest, ...(manifest.parts ?? []).flatMap(withParts)];
}

type ListKey = 'routes' | 'permissions' | 'errors' | 'events' | 'listeners' | 'jobs' | 'searchDocuments' | 'channels';
type Item<K extends ListKey> = NonNullable<ModuleManifest[K]>[number];

/** One list of every module (and part) in the list, in module order. */
export function collect<K extends ListKey>(modules: readonly ModuleManifest[], key: K): Item<K>[] {
  return modules.flatMap(withParts).flatMap((m) => [...((m[key] ?? []) as readonly Item<K>[])]);
}

export const allJobs = (modules: readonly ModuleManifest[]) => collect(modules, 'jobs');
export const allListeners = (modules: readonly ModuleManifest[]) => collect(modules, 'listeners');

/** Every delivery channel's adapter; a channel spoken by two modules is an error. */
export function allChannels(
  modules: readonly ModuleManifest[],
): ReadonlyMap<ChannelAdapter['channel'], ChannelAdapter> {
  const result = new Map<ChannelAdapter['channel'], ChannelAdapter>();
  for (const adapter of collect(modules, 'channels')) {
    if (result.has(adapter.channel)) throw new Error(`Delivery channel "${adapter.channel}" has two adapters`);
    result.set(adapter.channel, adapter);
  }
  return result;
}

/** Every record type's audience resolver; a type claimed twice is an error. */
export function allAudiences(modules: readonly ModuleManifest[]): Map<string, AudienceResolver> {
  const result = new Map<string, AudienceResolver>();
  for (const part of modules.flatMap(withParts)) {
    for (const [type, resolver] of Object.entries(part.audiences ?? {})) {
      if (result.has(type)) throw new Error(`Record audience "${type}" is registered twice (module ${part.name})`);
      result.set(type, resolver);
    }
  }
  return result;
}

/** Who owns what: permission / error code / event → the top-level module that declares it. */
export type ModuleRegistry = {
  modules: readonly ModuleManifest[];
  permissions: ReadonlyMap<Permission, string>;
  errors: ReadonlyMap<ErrorCode, string>;
  events: ReadonlyMap<EventName, string>;
};

/** Builds the registry; a name declared by two modules (or twice by one) is an error at start. */
export function moduleRegistry(modules: readonly ModuleManifest[]): ModuleRegistry {
  const owners = <T extends string>(key: 'permissions' | 'errors' | 'events') => {
    const map = new Map<T, string>();
    for (const module of modules) {
      for (const value of collect([module], key) as T[]) {
        const owner = map.get(value);
        if (owner) throw new Error(`${key}: "${value}" is declared by ${owner} and ${module.name}`);
        map.set(value, module.name);
      }
    }
    return map;
  };
  return {
    modules,
    permissions: owners<Permission>('permissions'),
    errors: owners<ErrorCode>('errors'),
    events: owners<EventName>('events'),
  };
}
