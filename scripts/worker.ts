// npm run worker: the job worker alone, on the database of DATABASE_URL or the embedded default.
import { EnvError } from '../lib/env';
import { startWorker } from '../lib/jobs/worker';
import { bootstrap } from '../lib/runtime/bootstrap';
import { migrateDeploy } from '../lib/runtime/migrate';

async function main() {
  const runtime = await bootstrap();
  await migrateDeploy(runtime.databaseUrl);
  const stop = await startWorker({ log: (line) => process.stdout.write(`[worker] ${line}\n`) });
  const shutdown = async () => {
    await stop().catch(() => undefined);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  process.stderr.write(`[worker] ${error instanceof EnvError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
