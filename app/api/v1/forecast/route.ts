import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { env } from '@/lib/env';
import { getForecast, ZForecastQuery } from '@/lib/queries/get-forecast';
import { planOfRecordMonths } from '@/lib/queries/plan-of-record-months';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/forecast', 'GET'), async ({ req }) => {
  const query = parseQuery(ZForecastQuery, req);
  const { DISPLAY_CURRENCY, ORG_TIMEZONE } = env();
  return getForecast(query, { now: new Date(), timeZone: ORG_TIMEZONE, currency: DISPLAY_CURRENCY, plan: planOfRecordMonths });
});
