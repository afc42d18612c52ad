import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZExportQuery } from '@/lib/api/schemas/scenarios';
import { env } from '@/lib/env';
import { getScenario } from '@/lib/queries/get-scenario';
import { evaluateScenarioRecord } from '@/lib/scenarios/evaluate-stored-scenario';
import { exportFileName, scenarioCsv, scenarioJson } from '@/lib/scenarios/export-scenario';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/scenarios/{id}/export', 'GET'), async ({ req, params }) => {
  const { format } = parseQuery(ZExportQuery, req);
  const scenario = await getScenario(String(params.id));
  const evaluation = await evaluateScenarioRecord(scenario, { currency: env().DISPLAY_CURRENCY, now: new Date() });
  const disposition = `attachment; filename="${exportFileName(scenario, format)}"`;
  if (format === 'csv') {
    return new Response(scenarioCsv(evaluation), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition } });
  }
  return new Response(JSON.stringify(scenarioJson(scenario, evaluation), null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': disposition },
  });
});
