// Runs whose process is gone are marked interrupted; runs whose owner is alive stay running. The
// import case kills a real child process (SIGKILL, mid-import) rather than pretending to.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { createTranslator } from 'next-intl';
import { RunLogTable } from '../../components/settings/run-log';
import { createFormatter } from '../format/formatter';
import { loadMessages } from '../i18n/messages';
import { GET as listRuns } from '../../app/api/v1/sync-runs/route';
import { createApiToken } from '../auth/tokens';
import { listSyncRuns } from '../connections/list-sync-runs';
import { pool, prisma } from '../db';
import { requireEnv } from '../env';
import { claimRun } from './run-claim';
import { sweepInterruptedRuns } from './sweep-interrupted-runs';

const CHILD = path.resolve(import.meta.dirname, '../../test/children/import-then-stall.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');

let child: ChildProcess | undefined;

beforeEach(async () => {
  await truncate('cost_record', 'cost_daily', 'sync_run', 'api_token');
});
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

// The child's database sessions, told apart by an application name of their own.
async function sessionsOf(appName: string): Promise<number> {
  const { rows } = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [appName]);
  return rows[0].n;
}

async function importedRows(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM cost_record WHERE source = 'import:generated.csv'");
  return rows[0].n;
}

describe('sweepInterruptedRuns', () => {
  it('marks an import killed mid-way interrupted, with an end, and leaves it running while its process lives', async () => {
    const appName = `tourmalet-kill-test-${process.pid}`;
    const url = new URL(requireEnv('DATABASE_URL'));
    url.searchParams.set('application_name', appName);
    child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const [first] = (await once(lines, 'line')) as [string];
    const match = /^importing ([0-9a-f-]{36})$/.exec(first);
    expect(match, first).not.toBeNull();
    const runId = match![1];

    // the owner is alive (busy importing): any instance's sweep leaves its run alone
    const live = await sweepInterruptedRuns();
    expect(live.interrupted).toEqual([]);
    expect(live.alive).toBe(1);
    expect(await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'running', finishedAt: null });

    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    expect((await exited)[1]).toBe('SIGKILL');
    // the server ends the dead client's sessions (and so its locks) once it sees the socket closed
    await expect.poll(() => sessionsOf(appName), { timeout: 30_000, interval: 100 }).toBe(0);

    const swept = await sweepInterruptedRuns();
    expect(swept.interrupted).toEqual([{ id: runId, kind: 'import' }]);
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe('interrupted');
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
    expect(run.error).toContain('interrupted: the process running this import');
    expect(run.error).toContain(`process ${child.pid}`);
    expect(run.error).toContain('nothing of the file was written');
    // and indeed nothing was: the import's one transaction died with its session
    expect(await importedRows()).toBe(0);

    // a second sweep has nothing left to do
    expect((await sweepInterruptedRuns()).interrupted).toEqual([]);
  });

  it('marks a sync and a demo load left running interrupted whatever their age, each saying what remains', async () => {
    // rows as a process killed mid-run leaves them: running, no end, nobody holding their lock
    const sync = await prisma.syncRun.create({ data: { kind: 'sync', source: 'connection:x', status: 'running', details: { owner: { host: 'web-2', pid: 4242 } } } });
    const demo = await prisma.syncRun.create({ data: { kind: 'demo', source: 'demo', status: 'running', startedAt: new Date(Date.now() - 1000) } });
    const done = await prisma.syncRun.create({ data: { kind: 'import', source: 'import:a', status: 'succeeded', finishedAt: new Date() } });

    const swept = await sweepInterruptedRuns();
    expect(swept.interrupted.map((r) => r.id).sort()).toEqual([sync.id, demo.id].sort());
    const after = await prisma.syncRun.findMany({ where: { id: { in: [sync.id, demo.id, done.id] } } });
    const by = Object.fromEntries(after.map((r) => [r.id, r]));
    expect(by[sync.id]).toMatchObject({ status: 'interrupted' });
    expect(by[sync.id].finishedAt).toBeInstanceOf(Date);
    expect(by[sync.id].error).toMatch(/^interrupted: the process running this sync \(process 4242 on web-2\) stopped before it finished; the windows it had finished stay written/);
    expect(by[demo.id]).toMatchObject({ status: 'interrupted' });
    expect(by[demo.id].error).toContain('the demo load stopped before it finished; nothing of the demo was written');
    expect(by[done.id]).toMatchObject({ status: 'succeeded', error: null });
  });

  it('leaves a run whose owner holds its claim running, in this process or any other', async () => {
    const claim = await claimRun();
    try {
      await prisma.syncRun.create({ data: { id: claim.id, kind: 'sync', source: 'connection:y', status: 'running', details: { owner: claim.owner } } });
      const swept = await sweepInterruptedRuns();
      expect(swept).toEqual({ interrupted: [], alive: 1 });
      expect(await prisma.syncRun.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'running', finishedAt: null });
    } finally {
      await claim.release();
    }
    // once released without an end (as after a crash), it is the sweep's
    expect((await sweepInterruptedRuns()).interrupted).toEqual([{ id: claim.id, kind: 'sync' }]);
  });

  it('shows the interrupted state in words in the API and the run log', async () => {
    const run = await prisma.syncRun.create({ data: { kind: 'import', source: 'import:big.csv', status: 'running' } });
    await sweepInterruptedRuns();
    const { token } = await createApiToken({ name: 'viewer', role: 'viewer' });
    const res = await listRuns(new Request('http://localhost/api/v1/sync-runs', { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { runs: { id: string; status: string; finishedAt: string | null; error: string | null }[] };
    const shown = body.runs.find((r) => r.id === run.id)!;
    expect(shown.status).toBe('interrupted');
    expect(shown.finishedAt).not.toBeNull();
    expect(shown.error).toContain('interrupted: the process running this import stopped before it finished');

    const t = createTranslator({ locale: 'en-GB', messages: loadMessages('en'), namespace: 'settings.runs' });
    const fmt = createFormatter({ locale: 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' });
    const html = renderToStaticMarkup(RunLogTable({ runs: await listSyncRuns({}), showSource: true, t, fmt }));
    expect(html).toContain('>interrupted</span>');
    expect(html).toContain('nothing of the file was written (an import is one transaction): import it again');
    expect(html).not.toContain('>running</span>');
  });
});
