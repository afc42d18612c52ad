// CLI commands for connections and syncs. Secrets go in with --set and never come back out:
// listings show settings and the last 4 characters of each credential.
import { splitSettings, isProvider } from '../connectors/registry';
import { PROVIDERS } from '../connectors/types';
import type { TConnectionView } from '../api/schemas/connections';
import { createConnection } from '../connections/create-connection';
import { deleteConnection } from '../connections/delete-connection';
import { findConnection } from '../connections/find-connection';
import { listConnections } from '../connections/list-connections';
import { testConnection } from '../connections/test-connection';
import { updateConnection } from '../connections/update-connection';
import { runSync } from '../ingestion/run-sync';
import { dayToDate } from '../jobs/definitions/sync-payload';
import { dayOption, flag, printRunSummary, table, values } from './cli-format';
import { CliUsageError, option, positional, type TCliArgs, type TCliCommand } from './types';

const CLI_ACTOR = { type: 'cli' as const, label: 'cli' };

function setPairs(args: TCliArgs): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of values(args, 'set')) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--set takes key=value, got "${item.split('=')[0]}…"`);
    pairs[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return pairs;
}

function describe(c: TConnectionView, io: { out: (line: string) => void }) {
  io.out(`${c.name} (${c.providerLabel}, id ${c.id})`);
  for (const [k, v] of Object.entries(c.settings)) io.out(`  ${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  for (const [k, hint] of Object.entries(c.credentialsHint)) io.out(`  ${k} = ${hint ? `…${hint}` : '(set)'}`);
  io.out(`  schedule ${c.syncCron}${c.enabled ? '' : ' (disabled)'}`);
}

export const connectionCommands: TCliCommand[] = [
  {
    name: 'connection:add',
    usage: `connection:add PROVIDER NAME --set key=value … [--cron "0 */6 * * *"] [--disabled]   (PROVIDER: ${PROVIDERS.join(', ')})`,
    summary: 'add a connection; each --set is a setting or a credential of the provider (see the README)',
    valueOptions: ['set', 'cron'],
    repeatable: ['set'],
    run: async (args, io) => {
      const provider = positional(args, 0, 'PROVIDER');
      const name = positional(args, 1, 'NAME');
      if (!isProvider(provider)) throw new CliUsageError(`unknown provider "${provider}"; expected one of ${PROVIDERS.join(', ')}`);
      const { settings, credentials } = splitSettings(provider, setPairs(args));
      const created = await createConnection(CLI_ACTOR, {
        provider,
        name,
        settings,
        credentials,
        syncCron: option(args, 'cron'),
        enabled: !flag(args, 'disabled'),
      });
      io.out(`added connection ${created.id}`);
      describe(created, io);
      return 0;
    },
  },
  {
    name: 'connection:update',
    usage: 'connection:update NAME [--set key=value …] [--unset key …] [--cron CRON] [--enable | --disable] [--rename NEW]',
    summary: 'change a connection; credentials not given are kept',
    valueOptions: ['set', 'unset', 'cron', 'rename'],
    repeatable: ['set', 'unset'],
    run: async (args, io) => {
      const row = await findConnection(positional(args, 0, 'NAME'));
      if (!isProvider(row.provider)) throw new CliUsageError(`connection has an unknown provider ${row.provider}`);
      const { settings, credentials } = splitSettings(row.provider, setPairs(args));
      const unset = values(args, 'unset');
      const credentialKeys = new Set(Object.keys(splitSettings(row.provider, Object.fromEntries(unset.map((k) => [k, '']))).credentials));
      const updated = await updateConnection(CLI_ACTOR, row.id, {
        name: option(args, 'rename'),
        settings: unset.length || Object.keys(settings).length
          ? { ...settings, ...Object.fromEntries(unset.filter((k) => !credentialKeys.has(k)).map((k) => [k, null])) }
          : undefined,
        credentials: Object.keys(credentials).length ? credentials : undefined,
        removeCredentials: credentialKeys.size ? [...credentialKeys] : undefined,
        syncCron: option(args, 'cron'),
        enabled: flag(args, 'enable') ? true : flag(args, 'disable') ? false : undefined,
      });
      io.out(`updated connection ${updated.id}`);
      describe(updated, io);
      return 0;
    },
  },
  {
    name: 'connection:list',
    usage: 'connection:list',
    summary: 'list connections with their schedule and last run (never the credentials)',
    run: async (_args, io) => {
      const list = await listConnections();
      if (!list.length) {
        io.out('no connections yet: add one with connection:add');
        return 0;
      }
      table(
        [
          ['NAME', 'PROVIDER', 'SCHEDULE', 'LAST RUN', 'NEXT SYNC', 'ID'],
          ...list.map((c) => [
            c.name,
            c.provider,
            c.enabled ? c.syncCron : 'disabled',
            c.lastRun ? `${c.lastRun.status} ${c.lastRun.startedAt.slice(0, 16)}Z` : 'never',
            c.nextSyncAt ? `${c.nextSyncAt.slice(0, 16)}Z` : '-',
            c.id,
          ]),
        ],
        io,
      );
      return 0;
    },
  },
  {
    name: 'connection:test',
    usage: 'connection:test NAME',
    summary: 'test a connection; exits non-zero unless it is ok',
    run: async (args, io) => {
      const result = await testConnection(positional(args, 0, 'NAME'), { actor: CLI_ACTOR });
      io.out(`${result.name}: ${result.status}: ${result.message}`);
      return result.status === 'ok' ? 0 : 1;
    },
  },
  {
    name: 'connection:remove',
    usage: 'connection:remove NAME',
    summary: 'remove a connection (its cost records stay)',
    run: async (args, io) => {
      const removed = await deleteConnection(CLI_ACTOR, positional(args, 0, 'NAME'));
      io.out(`removed connection ${removed.name} (${removed.id})`);
      return 0;
    },
  },
  {
    name: 'sync',
    usage: 'sync NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD]   (to is exclusive; default: from the last sync, to now)',
    summary: 'sync a connection now, in this process; exits non-zero when the run fails',
    valueOptions: ['from', 'to'],
    run: async (args, io) => {
      const name = positional(args, 0, 'NAME');
      const from = dayOption(args, 'from');
      const to = dayOption(args, 'to');
      if (from && to && from >= to) throw new CliUsageError('--to must be after --from (it is exclusive)');
      const run = await runSync({
        connectionId: name,
        from: dayToDate(from),
        to: dayToDate(to),
        now: new Date(),
        trigger: 'cli',
        onWindow: (p) =>
          io.err(
            `window ${p.index + 1}/${p.count} ${p.window.from.toISOString().slice(0, 10)} → ${p.window.to.toISOString().slice(0, 16)}Z: ` +
              (p.error
                ? `failed: ${p.error}`
                : (['costs', 'resources', 'samples'] as const)
                    .map((k) => `${k} ${p.counts?.[k].inserted ?? 0} new, ${p.counts?.[k].updated ?? 0} updated`)
                    .join('; ')),
          ),
      });
      printRunSummary(run, io);
      return run.status === 'succeeded' ? 0 : 1;
    },
  },
];
