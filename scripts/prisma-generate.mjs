// Generates the Prisma client. Prisma 6.19 reads env("DATABASE_URL") even to generate, and tries to
// download an engine when it is unset, so a placeholder stands in (generate never connects).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  DATABASE_URL: process.env.DATABASE_URL || 'postgresql://127.0.0.1:5432/unused_by_prisma_generate',
};
const prisma = fileURLToPath(new URL('../node_modules/.bin/prisma', import.meta.url));
const result = spawnSync(prisma, ['generate'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) console.error(`prisma generate could not start: ${result.error.message}`);
process.exit(result.status ?? 1);
