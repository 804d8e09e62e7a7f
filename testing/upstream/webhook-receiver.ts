import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** How the receiver answers one request: a status (and headers), or `hang`: hold it until the client gives up. */
type ReceiverAnswer = { status: number; headers?: Record<string, string> } | 'hang';

interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: unknown;
  /** Date.now() when the whole body had arrived. */
  arrivedAt: number;
  /** Date.now() when it was answered or the client went away; null while it is still held. */
  endedAt: number | null;
  answer: ReceiverAnswer;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hook/<secret-looking token>`: tests check the token never reaches a log. */
  url: string;
  token: string;
  /** Every request, in arrival order, answered or not. */
  received: ReceivedRequest[];
  /** Decides the answer of each request (`n` counts from 1); default 200. Replaceable at any time. */
  respond: (request: Omit<ReceivedRequest, 'answer' | 'endedAt'>, n: number) => ReceiverAnswer;
  /** Waits until `predicate(received)` holds; throws after `timeoutMs`. */
  waitFor(predicate: (received: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A real HTTP server on loopback that records what is POSTed to it, for the notification tests. */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const token = `T0KEN-${Math.random().toString(36).slice(2)}`;
  const held = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: '',
    token,
    received: [],
    respond: () => ({ status: 200 }),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver.received)) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met within ${timeoutMs} ms; got ${receiver.received.length}`);
        await sleep(20);
      }
      return receiver.received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, arrivedAt: Date.now() };
      const answer = receiver.respond(seen, receiver.received.length + 1);
      const entry: ReceivedRequest = { ...seen, answer, endedAt: null };
      receiver.received.push(entry);
      res.on('close', () => {
        held.delete(res);
        entry.endedAt = Date.now();
      });
      if (answer === 'hang') {
        held.add(res);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/${token}`;
  return receiver;
}
