import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { AppError } from '@/lib/errors';
import { findMetric, upsertMetricPoints } from '@/lib/unit-costs/metric-store';
import { parseMetricCsv } from '@/lib/unit-costs/parse-metric-csv';
import { ZMetricPoints } from '@/lib/unit-costs/schemas';

export const dynamic = 'force-dynamic';

const MAX_CSV_BYTES = 1 << 20;

// JSON {points: [{day, value}]} or a CSV body (text/csv) of day,value lines; all or nothing.
export const POST = apiRoute({ ...routeAccess('/api/v1/business-metrics/{name}/points', 'POST'), body: 'raw' }, async ({ req, actor, params }) => {
  const name = String(params.name);
  await findMetric(name);
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') {
    const text = await req.text();
    if (text.length > MAX_CSV_BYTES) throw new AppError('TOO_LARGE', 'a CSV import may hold at most 1 MiB');
    const { points, issues } = parseMetricCsv(text);
    if (issues.length) {
      throw new AppError('BAD_REQUEST', issues.slice(0, 5).map((i) => (i.row ? `line ${i.row}: ${i.message}` : i.message)).join('; '), issues);
    }
    return upsertMetricPoints(name, points, { source: 'csv', actor });
  }
  if (type !== 'application/json') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send application/json ({points: [{day, value}]}) or text/csv (day,value lines)');
  const { points } = await parseBody(ZMetricPoints, req);
  const days = new Set<string>();
  points.forEach((p, i) => {
    if (days.has(p.day)) throw new AppError('BAD_REQUEST', `points.${i}.day: ${p.day} is listed twice`, [{ field: `points.${i}.day`, message: 'is listed twice' }]);
    days.add(p.day);
  });
  return upsertMetricPoints(name, points, { source: 'api', actor });
});
