import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Document = {
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
};

/**
 * The API as integrators see it (apps/server/openapi.json). `npm run check` also lints it with
 * Redocly (`openapi:lint`) and compiles a client generated from it (`openapi:client`).
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: { key: string; operation: Operation }[];
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp();
    document = t.app.swagger() as unknown as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => t.close());

  it('gives every operation a unique camelCase operationId', () => {
    expect(operations.length).toBeGreaterThan(100);
    const missing = operations.filter(({ operation }) => !operation.operationId).map(({ key }) => key);
    expect(missing, 'operations without schema.operationId').toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId ?? '');
    expect(
      ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id)),
      'operationIds not camelCase',
    ).toEqual([]);
    expect(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      'operationIds used twice',
    ).toEqual([]);
  });

  it('tags every operation with a tag the document declares', () => {
    const declared = new Set((document.tags ?? []).map((tag) => tag.name));
    const untagged = operations.filter(({ operation }) => !operation.tags?.length).map(({ key }) => key);
    expect(untagged, 'operations without a tag').toEqual([]);
    const undeclared = operations.flatMap(({ operation }) =>
      (operation.tags ?? []).filter((tag) => !declared.has(tag)),
    );
    expect([...new Set(undeclared)], 'tags missing from the top-level tags list').toEqual([]);
  });

  it('names a server, needs no credentials on public routes and declares errors as problem+json', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    const publicKeys = [...t.app.routeAccess]
      .filter(([, access]) => access === 'public')
      .map(([route]) => route.replace(/:(\w+)/g, '{$1}'));
    for (const { key, operation } of operations) {
      expect(operation.security, key).toEqual(publicKeys.includes(key) ? [] : undefined);
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length, `${key} declares no error response`).toBeGreaterThan(0);
      // A page for people (the survey page /s/{token}) answers its errors as pages too.
      const page = Object.keys(operation.responses['200']?.content ?? {}).includes('text/html');
      for (const [status, response] of errors) {
        const expected = page ? ['text/html'] : ['application/problem+json'];
        expect(Object.keys(response.content ?? {}), `${key} ${status}`).toEqual(expected);
      }
    }
  });
});
