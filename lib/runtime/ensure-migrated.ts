// Applies migrations only when some are pending: a CLI command should not pay for the Prisma CLI.
import { checkHealth } from '../queries/check-health';
import { migrateDeploy } from './migrate';

export async function ensureMigrated(databaseUrl: string) {
  const health = await checkHealth();
  if (health.status !== 'ok') await migrateDeploy(databaseUrl);
}
