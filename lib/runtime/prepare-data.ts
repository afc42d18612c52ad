// First-start data: the first admin, and the demo dataset in an empty database when asked for
// (by default only on the embedded database; DEMO=1 or DEMO=0 decides otherwise).
import { ensureFirstAdmin } from '../auth/users';
import { env } from '../env';
import { ensurePlanningSeed } from '../scenarios/ensure-planning-seed';
import { sweepInterruptedRuns } from './sweep-interrupted-runs';

export async function prepareData(options: { embedded: boolean; now: Date; log: (line: string) => void }) {
  const config = env();
  const admin = await ensureFirstAdmin({ email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
  await ensurePlanningSeed();
  // runs left running by a process that is gone (whatever their age); live ones keep their lock
  const swept = await sweepInterruptedRuns();
  if (swept.interrupted.length) options.log(`${swept.interrupted.length} run(s) left running by a stopped process marked interrupted`);
  const wantDemo = config.DEMO === '1' || (config.DEMO === undefined && options.embedded);
  let demoLoaded = false;
  if (wantDemo) {
    const { hasAnyCostData, loadDemo } = await import('../demo/load-demo');
    if (!(await hasAnyCostData())) {
      options.log('loading the Europe Cyclisme demo dataset…');
      const summary = await loadDemo({ now: options.now });
      options.log(
        `demo dataset loaded in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.costs.inserted} cost records, ${summary.samples.inserted} utilisation samples`,
      );
      demoLoaded = true;
      const { alignDemoPlan } = await import('../demo/align-demo-plan');
      await alignDemoPlan(options.now);
      // the recommendations page is populated from the first start, not after the first daily refresh
      const { refreshRecommendations } = await import('../recommendations/engine/refresh-recommendations');
      const run = await refreshRecommendations({ now: options.now, currency: config.DISPLAY_CURRENCY, trigger: 'demo', actor: { type: 'system', label: 'demo' }, wait: true });
      options.log(`recommendations refreshed: ${run.created} from the demo data`);
    }
    // the demo's weekly report: Monday 08:00 in Paris, in French, to the administrators
    const { ensureDefaultReportSchedule } = await import('../reports/schedules');
    await ensureDefaultReportSchedule();
  }
  if (wantDemo) {
    const { isDemoLoaded } = await import('../demo/load-demo');
    if (await isDemoLoaded()) {
      const { ensureDemoBudgets } = await import('../demo/demo-budgets');
      const created = await ensureDemoBudgets({ now: options.now });
      if (created) options.log(`${created} demo budget(s) created`);
    }
  }
  return { admin, demoLoaded };
}
