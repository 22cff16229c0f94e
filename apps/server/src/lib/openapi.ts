import { STATUS_CODES } from 'node:http';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document as integrators see it (`apps/server/openapi.json`, linted with Redocly's
 * recommended rules by `npm run openapi:lint -w apps/server`; a client generated from it by
 * @hey-api/openapi-ts must compile, `npm run openapi:client -w apps/server`). Routes declare
 * `operationId`, `summary` and their responses; what is true of every route is added here.
 */

type Json = { [key: string]: unknown };
type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type TransformObjectInput = Parameters<typeof jsonSchemaTransformObject>[0];

const PROBLEM_REF = '#/components/schemas/Problem';
const SCHEMA_REF_PREFIX = '#/components/schemas/';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Per route: zod → JSON Schema, and a public route (`config.access: 'public'`) needs no credentials. */
export function openApiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const result = jsonSchemaTransform(input);
  const access = (input.route.config as { access?: string } | undefined)?.access;
  if (access !== 'public') return result;
  return { ...result, schema: { security: [], ...result.schema } };
}

/** The whole document: shared components from the zod registry, then {@link tidyDocument}. */
export function openApiTransformObject(input: TransformObjectInput): ReturnType<typeof jsonSchemaTransformObject> {
  const document = jsonSchemaTransformObject(input);
  tidyDocument(document as unknown as Json);
  return document;
}

/**
 * - Errors are `application/problem+json` (plugins/error-handler.ts), not `application/json`.
 * - Every route can answer 400 (plugins/text-input.ts refuses ill-formed text in any query or path).
 * - Responses are described by their status ("Created", "Not Found") rather than "Default Response".
 * - `z.unknown().nullable()` becomes `anyOf: [{}, { type: 'null' }]`, which is just `{}`.
 * - Components no operation reaches (the zod registry emits an input and an output variant of
 *   every shared schema) are left out.
 */
export function tidyDocument(document: Json): void {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) tidyResponses(operation);
    }
  }
  simplifyAnyOf(document);
  pruneUnusedSchemas(document);
}

function tidyResponses(operation: Json): void {
  const responses = (isObject(operation.responses) ? operation.responses : {}) as Record<string, Json>;
  if (!Object.keys(responses).some((status) => status.startsWith('4'))) {
    responses['400'] = { description: '', content: { 'application/json': { schema: { $ref: PROBLEM_REF } } } };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (!isObject(response)) continue;
    if (response.description === 'Default Response' || !response.description) {
      response.description = STATUS_CODES[status] ?? status;
    }
    const content = isObject(response.content) ? response.content : undefined;
    const json = content?.['application/json'];
    if (
      content &&
      Number(status) >= 400 &&
      isObject(json) &&
      isObject(json.schema) &&
      json.schema.$ref === PROBLEM_REF
    ) {
      delete content['application/json'];
      content['application/problem+json'] = json;
    }
  }
  operation.responses = responses;
}

function simplifyAnyOf(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) simplifyAnyOf(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) simplifyAnyOf(value);
  const anyOf = node.anyOf;
  const anyValue = (branch: unknown) => isObject(branch) && Object.keys(branch).length === 0;
  const nullOnly = (branch: unknown) => isObject(branch) && Object.keys(branch).length === 1 && branch.type === 'null';
  if (Array.isArray(anyOf) && anyOf.some(anyValue) && anyOf.every((branch) => anyValue(branch) || nullOnly(branch))) {
    delete node.anyOf;
  }
}

function pruneUnusedSchemas(document: Json): void {
  const components = isObject(document.components) ? document.components : undefined;
  const schemas = components && isObject(components.schemas) ? components.schemas : undefined;
  if (!components || !schemas) return;
  const used = new Set<string>();
  const pending: unknown[] = [{ ...document, components: { ...components, schemas: {} } }];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF_PREFIX)) {
        const name = ref.slice(SCHEMA_REF_PREFIX.length);
        if (!used.has(name)) {
          used.add(name);
          pending.push(schemas[name]);
        }
      }
      pending.push(...Object.values(node));
    }
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}
