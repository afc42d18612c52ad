import { apiRoute } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { restoreScenarioVersion } from '@/lib/scenarios/restore-scenario-version';

export const dynamic = 'force-dynamic';

export const POST = apiRoute({ route: '/api/v1/scenarios/{id}/versions/{version}/restore', role: 'editor' }, async ({ actor, params }) => {
  const version = Number(params.version);
  if (!Number.isInteger(version) || version < 1) throw new AppError('BAD_REQUEST', 'version must be a positive integer', [{ field: 'version', message: 'not a version number' }]);
  return restoreScenarioVersion(String(params.id), version, actor);
});
