// Any cost view as a FOCUS 1.2 CSV download, streamed from PostgreSQL as it is read.
import { PassThrough, Readable } from 'node:stream';
import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCostExportQuery } from '@/lib/api/schemas/connections';
import { exportFocusCsv } from '@/lib/focus/export-focus';
import { logger } from '@/lib/logger';
import { focusExportFilters } from '@/lib/queries/cost-keys';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/costs/export', 'GET'), async ({ req, requestId }) => {
  const q = parseQuery(ZCostExportQuery, req);
  const out = new PassThrough();
  exportFocusCsv(
    {
      from: new Date(`${q.from}T00:00:00Z`),
      to: new Date(`${q.to}T00:00:00Z`),
      filters: focusExportFilters(q),
    },
    out,
  ).catch((err) => {
    // the status line is gone already: cut the download short so it cannot pass for complete
    logger.error({ err, requestId }, 'cost export failed');
    out.destroy(err as Error);
  });
  const name = `tourmalet-costs-${q.from}-${q.to}${q.format === 'focus' ? '-focus' : ''}.csv`;
  return new Response(Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-request-id': requestId,
    },
  });
});
