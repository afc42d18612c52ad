// Next.js gives a route handler no socket: its server sets X-Forwarded-For from the socket only
// when the client sent none (base-server.js: `req.headers['x-forwarded-for'] ??= remoteAddress`),
// so a forged header hides the real address. Installed once at server start (instrumentation.ts),
// this stamps every incoming request with its socket's address under PEER_ADDRESS_HEADER,
// overwriting whatever a client sent under that name, before Next.js sees the request.
import http from 'node:http';
import { EventEmitter } from 'node:events';
import { PEER_ADDRESS_HEADER } from './client-address';

const installed = Symbol.for('tourmalet.peerAddressStamp');

export function stampPeerAddress(req: http.IncomingMessage): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = address;
  else delete req.headers[PEER_ADDRESS_HEADER];
}

export function installPeerAddressStamp(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, unknown> & { emit: EventEmitter['emit'] };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = Object.prototype.hasOwnProperty.call(proto, 'emit') ? proto.emit : EventEmitter.prototype.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && args[0] instanceof http.IncomingMessage) stampPeerAddress(args[0]);
    return emit.call(this, event, ...args);
  } as EventEmitter['emit'];
}
