// Child processes for the launcher: run to completion, or keep running until told to stop.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { processEnv } from '../env';

export function bin(name: string, root = process.cwd()) {
  return path.join(root, 'node_modules', '.bin', name);
}

export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; quiet?: boolean } = {}) {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? processEnv(),
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`)),
    );
  });
}

// quiet sends the child's output to our stderr, so stdout stays clean for machine-read lines
export function startLongRunning(command: string, args: string[], env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): ChildProcess {
  return spawn(command, args, { env, stdio: options.quiet ? ['ignore', 2, 2] : 'inherit' });
}

export function stopChild(child: ChildProcess | undefined, timeoutMs = 10_000) {
  return new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Waits until nothing listens on host:port any more (a server of a previous run still closing),
// and refuses to go on when something still does: a server started on a taken port fails, and a
// health check would then be answered by whatever holds the port.
export async function waitForPortFree(host: string, port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await accepts(host, port)) {
    if (Date.now() > deadline) throw new Error(`port ${port} on ${host} is taken by another process: stop it, or choose another port`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
