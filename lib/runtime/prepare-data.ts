// First-start data: the first admin, and the demo dataset in an empty database when asked for
// (by default only on the embedded database; DEMO=1 or DEMO=0 decides otherwise).
import { ensureFirstAdmin } from '../auth/users';
import { pool } from '../db';
import { env } from '../env';
import { ensurePlanningSeed } from '../scenarios/ensure-planning-seed';

export async function prepareData(options: { embedded: boolean; now: Date; log: (line: string) => void }) {
  const config = env();
  const admin = await ensureFirstAdmin({ email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
  await ensurePlanningSeed();
  // an import whose process died stays "running": after six hours it cannot still be going
  await pool().query(
    `UPDATE sync_run SET status = 'failed', finished_at = now(), error = 'interrupted: the process running it stopped'
      WHERE kind = 'import' AND status = 'running' AND started_at < now() - interval '6 hours'`,
  );
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
    }
  }
  return { admin, demoLoaded };
}
