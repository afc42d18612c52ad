// The costs page's table as a CSV file: the same groups, periods, totals, change and order.
import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCostTableQuery } from '@/lib/api/schemas/cost-table';
import { costTableCsv } from '@/lib/costs/cost-table-csv';
import { readCostTable } from '@/lib/costs/read-cost-table';
import { regionLabel } from '@/lib/format/region-names';
import { parseScopedKey } from '@/lib/queries/cost-keys';
import { isTagGroupBy, tagKeyOf, type TCostGroupBy } from '@/lib/queries/get-costs';

export const dynamic = 'force-dynamic';

const GROUP_HEADER: Record<string, string> = {
  provider: 'Provider',
  service: 'Service',
  region: 'Region',
  account: 'Account',
  category: 'Category',
  none: 'Group',
};

const groupHeader = (groupBy: TCostGroupBy) => (isTagGroupBy(groupBy) ? `Tag ${tagKeyOf(groupBy)}` : GROUP_HEADER[groupBy]);
// a tag key is anything a provider let someone type: only plain characters reach the file name
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);

export const GET = apiRoute(routeAccess('/api/v1/costs/table', 'GET'), async ({ req, requestId }) => {
  const { sort, dir, ...query } = parseQuery(ZCostTableQuery, req);
  const { table } = await readCostTable(query, { sort, dir });
  // regions as the page shows them: "eu-west-3 · Paris" (in English: the file's headers are)
  if (query.groupBy === 'region')
    for (const row of table.rows) {
      const id = parseScopedKey(row.key)?.id;
      if (id) row.label = row.label.replace(id, regionLabel(id, 'en-GB'));
    }
  const csv = costTableCsv(table, { groupHeader: groupHeader(query.groupBy), currency: query.currency });
  const name = `tourmalet-costs-by-${fileSafe(query.groupBy)}-${query.granularity}-${query.from}-${query.to}.csv`;
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-request-id': requestId,
    },
  });
});
