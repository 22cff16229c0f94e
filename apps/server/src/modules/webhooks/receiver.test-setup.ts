import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { id: string; headers: http.IncomingHttpHeaders; body: string; at: number };

/**
 * A local webhook receiver (node:http): records every message; `status` is what it answers
 * (503: "down"). `delayMs` holds each answer back.
 */
export class Receiver {
  readonly received: Received[] = [];
  status = 200;
  delayMs = 0;
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const status = this.status;
        if (status < 300) {
          this.received.push({
            id: String(request.headers['webhook-id']),
            headers: request.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            at: Date.now(),
          });
        }
        const answer = () => {
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(status < 300 ? 'ok' : 'down');
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this;
  }

  /** The messages' bodies parsed, in arrival order. */
  bodies(): { type: string; timestamp: string; data: Record<string, unknown> }[] {
    return this.received.map((r) => JSON.parse(r.body));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
