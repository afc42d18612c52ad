import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { INT4_MAX } from '@/lib/api/safe-input';
import { AppError } from '@/lib/errors';
import { restoreScenarioVersion } from '@/lib/scenarios/restore-scenario-version';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(routeAccess('/api/v1/scenarios/{id}/versions/{version}/restore', 'POST'), async ({ actor, params }) => {
  const raw = String(params.version);
  // versions are int4 in the database: a bigger number is no version, not a database error
  const version = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(version) || version < 1 || version > INT4_MAX) {
    throw new AppError('BAD_REQUEST', `version must be a whole number from 1 to ${INT4_MAX}`, [{ field: 'version', message: 'not a version number' }]);
  }
  return restoreScenarioVersion(String(params.id), version, actor);
});
