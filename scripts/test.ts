// npm test: every tier — lint and type check, unit, integration on a real PostgreSQL, e2e in
// Chromium — each run even when an earlier one fails, then a summary of what ran.
// PostgreSQL: the server in DATABASE_URL (a throwaway database per tier, dropped after), else an
// embedded one in a temporary folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env, setEnv } from '../lib/env';
import { buildIsCurrent, writeBuildStamp } from '../lib/runtime/build-stamp';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { ensureChromium } from '../lib/runtime/ensure-chromium';
import { bin, run, startLongRunning, stopChild, waitForPortFree } from '../lib/runtime/processes';
import { assertLocalDatabase, createTestDatabase } from '../lib/runtime/test-database';

type TTier = { name: string; status: 'passed' | 'failed'; passed: number; failed: number; skipped: number; seconds: number; note?: string };

const root = process.cwd();
const results: TTier[] = [];
const say = (line: string) => process.stdout.write(`\n[test] ${line}\n`);
const resultsDir = path.join(root, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

type TCounts = { passed: number; failed: number; skipped: number };

// `npm test -- e2e unit` runs only the tiers named; plain `npm test` runs them all
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

async function tier(name: string, fn: () => Promise<TCounts>) {
  if (only.length && !only.includes(name)) return;
  say(`── ${name} ──`);
  const started = Date.now();
  try {
    const counts = await fn();
    const status = counts.failed > 0 ? 'failed' : 'passed';
    results.push({ name, status, ...counts, seconds: (Date.now() - started) / 1000 });
  } catch (error) {
    const note = (error as Error).message.split('\n').slice(0, 12).join('\n');
    process.stdout.write(`${note}\n`);
    const counts = (error as { counts?: TCounts }).counts ?? { passed: 0, failed: 1, skipped: 0 };
    results.push({ name, status: 'failed', ...counts, failed: Math.max(counts.failed, 1), seconds: (Date.now() - started) / 1000, note: note.split('\n')[0] });
  }
}

function readVitestJson(file: string): TCounts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTestSuites: number; numFailedTestSuites: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0), skipped: report.numPendingTests + report.numTodoTests };
}

async function vitest(project: 'unit' | 'integration', extraEnv: Record<string, string> = {}) {
  const out = path.join(resultsDir, `${project}.json`);
  fs.rmSync(out, { force: true });
  try {
    await run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
      env: { ...process.env, ...extraEnv },
    });
  } catch (error) {
    throw Object.assign(new Error(`${project} tests failed`), { counts: readVitestJson(out), cause: error });
  }
  const counts = readVitestJson(out);
  if (counts.passed === 0) throw new Error(`the ${project} tier ran no test`);
  return counts;
}

function readPlaywrightJson(file: string): TCounts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

async function waitForHealth(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

async function e2e(serverUrl: string): Promise<TCounts> {
  await ensureChromium((line) => say(line));
  if (!buildIsCurrent(root)) {
    say('building the app for e2e…');
    await run(bin('next'), ['build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, quiet: true });
    writeBuildStamp(root);
  }
  const db = await createTestDatabase(serverUrl, 'e2e');
  // E2E_PORT lets two checkouts run their e2e tiers side by side
  const port = Number(process.env.E2E_PORT) || 3199;
  const baseUrl = `http://127.0.0.1:${port}`;
  const appEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    APP_URL: baseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
    // every spec signs in from 127.0.0.1; the limit itself is tested in the integration tier
    SIGNIN_ATTEMPTS_PER_MINUTE: '200',
    // a real SMTP receiver on 127.0.0.1 (scripts/dev-smtp-sink.ts) gets the weekly report's e-mails
    SMTP_URL: `smtp://127.0.0.1:${port + 10_000}`,
    MAIL_FROM: 'Tourmalet <reports@e2e.test>',
  };
  // outside test-results, which Playwright empties as it starts
  const mailDir = path.join(os.tmpdir(), `tourmalet-e2e-mail-${port}`);
  fs.rmSync(mailDir, { recursive: true, force: true });
  let server: ReturnType<typeof startLongRunning> | undefined;
  let worker: ReturnType<typeof startLongRunning> | undefined;
  let smtpSink: ReturnType<typeof startLongRunning> | undefined;
  try {
    say('seeding the e2e database (demo dataset and accounts)…');
    await run(bin('tsx'), ['--import', './scripts/server-only-hook.mjs', 'scripts/e2e-seed.ts'], { env: appEnv });
    const viewerToken = fs.readFileSync(path.join(resultsDir, 'e2e-viewer-token'), 'utf8').trim();
    await waitForPortFree('127.0.0.1', port).catch((e: Error) => {
      throw new Error(`${e.message} (E2E_PORT sets the e2e app's port)`);
    });
    smtpSink = startLongRunning(bin('tsx'), ['scripts/dev-smtp-sink.ts', String(port + 10_000), mailDir], appEnv, { quiet: true });
    server = startLongRunning(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], appEnv);
    // the job worker too, so that "Sync now" runs end to end
    worker = startLongRunning(bin('tsx'), ['--import', './scripts/server-only-hook.mjs', 'scripts/worker.ts'], appEnv, { quiet: true });
    await waitForHealth(baseUrl);
    const out = path.join(resultsDir, 'e2e.json');
    fs.rmSync(out, { force: true });
    try {
      // E2E_SPECS='e2e/costs.spec.ts e2e/screens.spec.ts' runs only those specs (while working on a page)
    await run(bin('playwright'), ['test', ...(process.env.E2E_SPECS ?? '').split(/\s+/).filter(Boolean)], { env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_VIEWER_TOKEN: viewerToken, E2E_MAIL_DIR: mailDir } });
    } catch (error) {
      throw Object.assign(new Error('e2e tests failed'), { counts: readPlaywrightJson(out), cause: error });
    }
    const counts = readPlaywrightJson(out);
    if (counts.passed === 0) throw new Error('the e2e tier ran no test');
    return counts;
  } finally {
    await Promise.all([stopChild(server), stopChild(worker), stopChild(smtpSink)]);
    // the next run finds the port free, not this server still closing
    if (server) await waitForPortFree('127.0.0.1', port).catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

async function main() {
  const started = Date.now();
  await tier('lint', async () => {
    await run(bin('eslint'), ['.', '--max-warnings=0']);
    return { passed: 1, failed: 0, skipped: 0 };
  });
  await tier('typecheck', async () => {
    await run(bin('tsc'), ['--noEmit', '-p', '.']);
    return { passed: 1, failed: 0, skipped: 0 };
  });
  await tier('unit', () => vitest('unit'));

  let serverUrl = env().DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    say(`PostgreSQL from DATABASE_URL (${new URL(serverUrl).host}); each tier gets a throwaway database`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourmalet-test-'));
    say(`no DATABASE_URL: starting an embedded PostgreSQL in ${dir}`);
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port: 54349 });
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await tier('integration', async () => {
      const db = await createTestDatabase(serverUrl, 'it');
      try {
        return await vitest('integration', { TOURMALET_TEST_DATABASE_URL: db.url });
      } finally {
        await db.drop().catch(() => undefined);
      }
    });
    await tier('e2e', () => e2e(serverUrl));
  } finally {
    await stopServer();
  }

  const width = Math.max(...results.map((r) => r.name.length));
  process.stdout.write('\n── summary ──\n');
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(width)}  ${r.status.padEnd(6)}  ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed  ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ''}\n`,
    );
  }
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  const skipped = results.reduce((a, r) => a + r.skipped, 0);
  process.stdout.write(`tiers run: ${results.map((r) => r.name).join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exit(failed > 0 || results.some((r) => r.status === 'failed') ? 1 : 0);
}

setEnv({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
main().catch((error) => {
  process.stderr.write(`[test] ${(error as Error).stack}\n`);
  process.exit(1);
});
