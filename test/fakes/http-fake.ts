// A small HTTP server on 127.0.0.1 for provider fakes: records every request, and lets a test queue
// faults (a 429, a malformed payload) ahead of the fake's normal answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TFakeRequest = {
  method: string;
  url: string; // path and query exactly as on the request line
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
};

export type TFakeReply = {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
};

type TFault = { match: (req: TFakeRequest) => boolean; reply: TFakeReply | ((req: TFakeRequest) => TFakeReply); times: number };

export type TFakeServer = {
  url: string;
  requests: TFakeRequest[];
  // answers the next `times` matching requests with `reply` instead of the normal handler
  fault(match: (req: TFakeRequest) => boolean, reply: TFakeReply | ((req: TFakeRequest) => TFakeReply), times?: number): void;
  close(): Promise<void>;
};

export async function startFakeServer(
  handler: (req: TFakeRequest) => TFakeReply | Promise<TFakeReply>,
): Promise<TFakeServer> {
  const requests: TFakeRequest[] = [];
  const faults: TFault[] = [];
  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', async () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const req: TFakeRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(req);
      let reply: TFakeReply;
      try {
        const fault = faults.find((f) => f.times > 0 && f.match(req));
        if (fault) {
          fault.times -= 1;
          reply = typeof fault.reply === 'function' ? fault.reply(req) : fault.reply;
        } else {
          reply = await handler(req);
        }
      } catch (error) {
        reply = { status: 500, json: { error: String(error) } };
      }
      const headers: Record<string, string> = { ...reply.headers };
      let body = reply.text ?? '';
      if (reply.json !== undefined) {
        body = JSON.stringify(reply.json);
        headers['content-type'] ??= 'application/json';
      }
      res.writeHead(reply.status ?? 200, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fault(match, reply, times = 1) {
      faults.push({ match, reply, times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Pages a list the way offset/page APIs do: the items of page `page` (1-based) of size `size`.
export function pageOf<T>(items: T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}
