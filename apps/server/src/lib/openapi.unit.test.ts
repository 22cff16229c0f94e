import { describe, expect, it } from 'vitest';
import { tidyDocument } from './openapi.js';

const problem = { $ref: '#/components/schemas/Problem' };

function documentWith(responses: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  const components: { schemas: Record<string, unknown> } = { schemas: { Problem: { type: 'object' }, ...schemas } };
  return {
    openapi: '3.1.0',
    paths: { '/x': { get: { operationId: 'getX', responses } } },
    components,
  };
}

describe('tidyDocument', () => {
  it('declares error responses as problem+json and names every response by its status', () => {
    const document = documentWith({
      200: { description: 'Default Response', content: { 'application/json': { schema: { type: 'string' } } } },
      404: { description: 'Default Response', content: { 'application/json': { schema: problem } } },
    });
    tidyDocument(document);
    expect(document.paths['/x'].get.responses).toEqual({
      200: { description: 'OK', content: { 'application/json': { schema: { type: 'string' } } } },
      404: { description: 'Not Found', content: { 'application/problem+json': { schema: problem } } },
    });
  });

  it('adds the 400 every route can answer when an operation declares no 4xx', () => {
    const document = documentWith({ 200: { description: 'Default Response' } });
    tidyDocument(document);
    expect(document.paths['/x'].get.responses).toMatchObject({
      400: { description: 'Bad Request', content: { 'application/problem+json': { schema: problem } } },
    });
  });

  it('reads a nullable unknown as any value and leaves out components nothing reaches', () => {
    const document = documentWith(
      { 200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } },
      {
        A: {
          type: 'object',
          properties: { b: { $ref: '#/components/schemas/B' }, c: { anyOf: [{}, { type: 'null' }] } },
        },
        B: { type: 'string' },
        AInput: { type: 'object' },
      },
    );
    tidyDocument(document);
    expect(Object.keys(document.components.schemas).sort()).toEqual(['A', 'B', 'Problem']);
    expect(document.components.schemas.A).toEqual({
      type: 'object',
      properties: { b: { $ref: '#/components/schemas/B' }, c: {} },
    });
  });
});
