// A local HTTP server that receives webhooks: records each request (headers and raw body) and
// answers as told (a status, or a delay longer than the sender's timeout).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TWebhookHit = { path: string; headers: http.IncomingHttpHeaders; body: string };

export class WebhookReceiver {
  readonly hits: TWebhookHit[] = [];
  // answers in turn, then 200 for every later request
  script: ({ status: number; body?: string } | { delayMs: number })[] = [];
  private constructor(
    private server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    // the handlers run only once the server listens, after the instance exists
    const self: { receiver?: WebhookReceiver } = {};
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        self.receiver!.hits.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const step = self.receiver!.script.shift();
        if (step && 'delayMs' in step) {
          const timer = setTimeout(() => res.writeHead(200).end('late'), step.delayMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        res.writeHead(step?.status ?? 200, { 'content-type': 'text/plain' }).end(step?.body ?? 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    self.receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return self.receiver;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
