// npm start: validates the configuration, finds or starts the database, migrates, creates the first
// admin, loads the demo into an empty embedded database, builds when stale, then serves the app and
// runs the job worker. Ctrl-C stops everything, the embedded database last.
import { appUrl, env, EnvError } from '../lib/env';
import { bootstrap } from '../lib/runtime/bootstrap';
import { buildIsCurrent, writeBuildStamp } from '../lib/runtime/build-stamp';
import { migrateDeploy } from '../lib/runtime/migrate';
import { bin, run, startLongRunning, stopChild } from '../lib/runtime/processes';
import { prepareData } from '../lib/runtime/prepare-data';
import type { ChildProcess } from 'node:child_process';

const say = (line: string) => process.stdout.write(`[tourmalet] ${line}\n`);

// kept here so that a start that fails half-way still stops the embedded database it started
let started: { stop: () => Promise<void> } | undefined;

async function main() {
  const root = process.cwd();
  const runtime = await bootstrap();
  started = runtime;
  const children: { web?: ChildProcess } = {};
  let stopWorker: (() => Promise<void>) | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all([stopWorker?.().catch(() => undefined), stopChild(children.web)]);
    const { disconnect } = await import('../lib/db');
    await disconnect().catch(() => undefined);
    await runtime.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  say(runtime.embedded ? `embedded PostgreSQL, data in ${runtime.dataDir}` : 'PostgreSQL from DATABASE_URL');
  await migrateDeploy(runtime.databaseUrl, root);
  say('migrations applied');

  const prepared = await prepareData({ embedded: runtime.embedded, now: new Date(), log: say });

  if (!buildIsCurrent(root)) {
    say('building the app (first start or changed sources)…');
    await run(bin('next', root), ['build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    writeBuildStamp(root);
  }

  const config = env();
  if (config.WORKER !== '0') {
    const { startWorker } = await import('../lib/jobs/worker');
    stopWorker = await startWorker({ log: say });
    say('job worker running');
  }

  const web = startLongRunning(bin('next', root), ['start', '-p', String(config.PORT), '-H', config.HOST], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  });
  children.web = web;
  web.on('exit', (code) => {
    if (!stopping) {
      say(`the web server stopped (exit ${code})`);
      void shutdown(code ?? 1);
    }
  });

  // the address sign-in works at: a page opened at another (an IP, 127.0.0.1 for localhost) is
  // refused by the origin check, so this is the one to open
  const url = appUrl();
  say(`Tourmalet is running: open ${url}/sign-in (sign-in works at this address only; APP_URL sets it)`);
  if (prepared.admin) {
    say(
      `sign in as ${prepared.admin.email}${prepared.admin.generated ? ` with the one-time password ${prepared.admin.password} (shown once: choose your own at ${url}/account)` : ' with ADMIN_PASSWORD'}`,
    );
  }
  say('a forgotten password: an admin resets it in Settings → People, or run `npm run cli -- user:reset-password EMAIL`');
}

main().catch(async (error) => {
  await started?.stop().catch(() => undefined);
  if (error instanceof EnvError) {
    process.stderr.write(`[tourmalet] ${error.message}\n`);
  } else {
    process.stderr.write(`[tourmalet] start failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
