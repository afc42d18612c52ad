import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { waitForPortFree } from './processes';

describe('waitForPortFree', () => {
  it('refuses a port something listens on, and goes on once it is closed', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await expect(waitForPortFree('127.0.0.1', port, 0)).rejects.toThrow(`port ${port} on 127.0.0.1 is taken by another process`);
    const waiting = waitForPortFree('127.0.0.1', port, 60_000);
    server.close();
    await expect(waiting).resolves.toBeUndefined();
  });
});
