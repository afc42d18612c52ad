// Applies the checked-in Prisma migrations with the Prisma CLI (migrate deploy).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { processEnv } from '../env';

export async function migrateDeploy(databaseUrl: string, cwd = process.cwd()): Promise<void> {
  const bin = path.join(cwd, 'node_modules', '.bin', 'prisma');
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const child = spawn(bin, ['migrate', 'deploy'], {
      cwd,
      env: { ...processEnv(), DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    );
  });
}
