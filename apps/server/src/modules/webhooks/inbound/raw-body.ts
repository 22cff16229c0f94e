import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body received (signed inbound messages: the signature covers these bytes). */
    rawInboundBody?: string;
  }
}

/**
 * For a signed endpoint (Standard Webhooks): parses JSON bodies of this plugin scope only, keeping
 * the raw text beside the parsed value (`request.rawInboundBody`), at most `bodyLimit` bytes. A body
 * that is not JSON parses to null, so the signature is checked before the body is judged.
 */
export function keepRawJsonBody(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    request.rawInboundBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, null);
    }
  });
}
