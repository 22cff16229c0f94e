import type { FastifyInstance } from 'fastify';
import { registerRecordAudience } from '../lib/data-scope.js';
import {
  allAudiences,
  collect,
  type ModuleContext,
  type ModuleManifest,
  type ModuleRegistry,
  moduleRegistry,
  withParts,
} from '../lib/module.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The module list the app was built from, and who owns each permission, error code and event. */
    modules: ModuleRegistry;
    /** The module that registered each route, keyed `METHOD /url` (e.g. `GET /api/v1/users/:id`). */
    routeModules: ReadonlyMap<string, string>;
  }
}

/** The OpenAPI document's tags: one per module that has routes, described by its manifest. */
export function moduleTags(modules: readonly ModuleManifest[]): { name: string; description?: string }[] {
  return modules
    .filter((m) => collect([m], 'routes').length > 0)
    .map((m) => (m.description ? { name: m.name, description: m.description } : { name: m.name }));
}

/**
 * Registers what every module brings: its record audiences, its start hooks (before the routes),
 * its routes — each module in its own encapsulated scope whose onRoute hook tags every operation
 * with the module's name. Returns the function that runs the stop hooks (reverse order), which the
 * app calls when it closes, before the database closes. Jobs and durable listeners are collected by
 * the caller (`allJobs`, `allListeners`) for the job runner and the outbox dispatcher.
 */
export async function registerModules(
  app: FastifyInstance,
  modules: readonly ModuleManifest[],
  context: ModuleContext,
): Promise<() => Promise<void>> {
  const registry = moduleRegistry(modules);
  app.decorate('modules', registry);
  const routeModules = new Map<string, string>();
  app.decorate('routeModules', routeModules);

  for (const [type, resolver] of allAudiences(modules)) registerRecordAudience(type, resolver);

  const started: ModuleManifest[] = [];
  const stop = async () => {
    for (const part of started.splice(0).reverse()) await part.stop?.(context);
  };
  for (const part of modules.flatMap(withParts)) {
    await part.start?.(context);
    started.push(part);
  }

  for (const module of modules) {
    const routes = collect([module], 'routes');
    if (routes.length === 0) continue;
    await app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, tags: [module.name] };
        for (const method of [route.method].flat()) routeModules.set(`${method} ${route.url}`, module.name);
      });
      for (const { plugin, prefix, options } of routes) {
        await scope.register(plugin, { prefix, deps: context.deps, ...options?.(context) });
      }
    });
  }
  return stop;
}
