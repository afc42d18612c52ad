// CLI commands for recommendations: list them (as the API does), refresh them now.
import { ZRecommendationsQuery } from '../api/schemas/recommendations';
import { env } from '../env';
import { listRecommendations } from '../queries/list-recommendations';
import { refreshRecommendations } from '../recommendations/engine/refresh-recommendations';
import { CliUsageError, option, type TCliCommand } from './types';

function pad(s: string, n: number) {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}

export const recommendationCommands: TCliCommand[] = [
  {
    name: 'recommendations',
    usage: 'recommendations [--status open|accepted|dismissed|snoozed|implemented] [--kind commitment|atlas|redis|pods|cdn|object-storage|runway] [--provider P] [--format table|json]',
    summary: 'the stored recommendations, largest savings first, with the last refresh per rule',
    valueOptions: ['status', 'kind', 'provider', 'format'],
    run: async (args, io) => {
      const format = option(args, 'format') ?? 'table';
      if (format !== 'table' && format !== 'json') throw new CliUsageError('--format must be table or json');
      const parsed = ZRecommendationsQuery.safeParse({ status: option(args, 'status'), kind: option(args, 'kind'), provider: option(args, 'provider') });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliUsageError(`--${issue.path.join('.')} ${issue.message}`);
      }
      const list = await listRecommendations({ ...parsed.data, currency: env().DISPLAY_CURRENCY });
      if (format === 'json') {
        io.out(JSON.stringify(list, null, 2));
        return 0;
      }
      if (list.items.length === 0) io.out(list.lastRun ? 'no recommendations match' : 'no recommendations yet: run recommendations:refresh');
      else {
        io.out(`${pad('id', 36)}  ${pad('status', 11)}  ${pad('kind', 14)}  ${pad('provider', 11)}  ${pad(`savings/month (${list.summary.currency}, P50)`, 27)}  recommendation`);
        for (const r of list.items) {
          io.out(`${r.id}  ${pad(r.status, 11)}  ${pad(r.kind, 14)}  ${pad(r.provider, 11)}  ${pad(r.monthlySavings?.p50 ?? '-', 27)}  ${r.text}`);
        }
      }
      io.out(`total to gain: ${list.summary.total.monthlySavings.p50} ${list.summary.currency} a month over ${list.summary.total.count} open or accepted`);
      if (list.lastRun) {
        io.out(`last refresh ${list.lastRun.startedAt} (${list.lastRun.status})`);
        for (const rule of list.lastRun.rules) if (rule.outcome !== 'ok') io.out(`  ${rule.ruleId}: ${rule.outcome}${rule.error ? ` (${rule.error})` : ''}${rule.missing.length ? `: lacked ${rule.missing.join('; ')}` : ''}`);
      }
      return 0;
    },
  },
  {
    name: 'recommendations:refresh',
    usage: 'recommendations:refresh',
    summary: 'refresh the recommendations now (waits for a refresh already running)',
    run: async (_args, io) => {
      const run = await refreshRecommendations({ currency: env().DISPLAY_CURRENCY, trigger: 'cli', actor: { type: 'cli', label: 'cli' }, wait: true });
      io.out(`refreshed in ${(run.durationMs / 1000).toFixed(1)} s: ${run.created} new, ${run.updated} updated, ${run.reopened} reopened, ${run.retired} retired`);
      for (const rule of run.rules) io.out(`  ${pad(rule.ruleId, 20)} ${pad(rule.outcome, 12)} ${rule.recommendations} recommendation(s)${rule.error ? `  error: ${rule.error}` : ''}${rule.missing.length ? `  lacked: ${rule.missing.join('; ')}` : ''}`);
      return run.rules.some((r) => r.outcome === 'failed') ? 1 : 0;
    },
  },
];
