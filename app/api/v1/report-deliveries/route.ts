import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZReportDeliveriesQuery } from '@/lib/api/schemas/reports';
import { listReportDeliveries } from '@/lib/queries/list-report-deliveries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/report-deliveries', 'GET'), async ({ req }) => ({ deliveries: await listReportDeliveries(parseQuery(ZReportDeliveriesQuery, req)) }));
