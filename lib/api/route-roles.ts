// The one table of which role each API operation needs. Route handlers take their role from here
// (routeAccess), the OpenAPI document states it (x-required-role) from here, and the access-matrix
// test is generated from the document: a role cannot be declared twice and drift. Pure data, so the
// proxy and tests can read it without loading the routes.
import type { TRole } from '../auth/roles';

export type THttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TRouteRole = TRole | 'public';

export const ROUTE_ROLES = {
  '/api/health': { GET: 'public' },
  '/api/metrics': { GET: 'viewer' },
  '/api/v1/openapi.json': { GET: 'viewer' },
  '/api/v1/costs': { GET: 'viewer' },
  '/api/v1/costs/export': { GET: 'viewer' },
  '/api/v1/costs/table': { GET: 'viewer' },
  // importing billing data rewrites what every view and budget reads: a data administrator's act
  '/api/v1/imports/focus': { POST: 'admin' },
  '/api/v1/users': { GET: 'admin', POST: 'admin' },
  '/api/v1/users/{id}': { PATCH: 'admin' },
  '/api/v1/users/{id}/reset-password': { POST: 'admin' },
  // a person's own account: any signed-in person (an API token has none, and is answered 400)
  '/api/v1/me': { GET: 'viewer', PATCH: 'viewer' },
  '/api/v1/me/password': { POST: 'viewer' },
  '/api/v1/tokens': { GET: 'admin', POST: 'admin' },
  '/api/v1/tokens/{id}': { DELETE: 'admin' },
  '/api/v1/resources': { GET: 'viewer' },
  '/api/v1/resources/{id}/metrics': { GET: 'viewer' },
  '/api/v1/providers': { GET: 'viewer' },
  '/api/v1/connections': { GET: 'viewer', POST: 'admin' },
  '/api/v1/connections/{id}': { GET: 'viewer', PATCH: 'admin', DELETE: 'admin' },
  '/api/v1/connections/{id}/test': { POST: 'admin' },
  '/api/v1/connections/{id}/sync': { POST: 'admin' },
  '/api/v1/connections/{id}/runs': { GET: 'viewer' },
  '/api/v1/sync-runs': { GET: 'viewer' },
  '/api/v1/sync-runs/{id}': { GET: 'viewer' },
  // recommendations: anyone reads; deciding on one (accept, dismiss, snooze) and refreshing are editors' acts
  '/api/v1/recommendations': { GET: 'viewer' },
  '/api/v1/recommendations/refresh': { POST: 'editor' },
  '/api/v1/recommendations/{id}': { GET: 'viewer', PATCH: 'editor' },
  // the rules' thresholds: anyone reads them (recommendations cite them); changing one changes every
  // recommendation's verdict, an administrator's act
  '/api/v1/recommendation-thresholds': { GET: 'viewer', PUT: 'admin' },
  '/api/v1/commitments/plan': { GET: 'viewer' },
  '/api/v1/scenarios': { GET: 'viewer', POST: 'editor' },
  '/api/v1/scenarios/compare': { GET: 'viewer' },
  '/api/v1/scenarios/{id}': { GET: 'viewer', PATCH: 'editor', DELETE: 'editor' },
  '/api/v1/scenarios/{id}/clone': { POST: 'editor' },
  '/api/v1/scenarios/{id}/plan-of-record': { PUT: 'editor', DELETE: 'editor' },
  '/api/v1/scenarios/{id}/versions': { GET: 'viewer' },
  '/api/v1/scenarios/{id}/versions/{version}/restore': { POST: 'editor' },
  // a read: viewers evaluate too, and drivers in the body never change the stored scenario
  '/api/v1/scenarios/{id}/evaluate': { POST: 'viewer' },
  '/api/v1/scenarios/{id}/export': { GET: 'viewer' },
  '/api/v1/scenarios/{id}/calibration': { POST: 'editor' },
  '/api/v1/calibration': { GET: 'viewer' },
  '/api/v1/prices': { GET: 'viewer' },
  // the catalogue is what scenarios are priced with: editing it is planning work, like a scenario
  '/api/v1/prices/{id}': { PATCH: 'editor' },
  '/api/v1/prices/{id}/history': { GET: 'viewer' },
  '/api/v1/plan-actuals': { GET: 'viewer' },
  // which class a service counts under shapes every plan-against-actual comparison: planning work
  '/api/v1/cost-class-mapping': { GET: 'viewer', PUT: 'editor' },
  '/api/v1/forecast': { GET: 'viewer' },
  '/api/v1/budgets': { GET: 'viewer', POST: 'editor' },
  '/api/v1/budgets/{id}': { GET: 'viewer', PATCH: 'editor', DELETE: 'editor' },
  '/api/v1/anomalies': { GET: 'viewer' },
  // judging an anomaly (acknowledged, expected, false positive) changes what the baseline learns: editors
  '/api/v1/anomalies/{id}': { PATCH: 'editor' },
  '/api/v1/anomalies/detect': { POST: 'editor' },
  '/api/v1/anomaly-monitors': { GET: 'viewer', POST: 'editor' },
  '/api/v1/anomaly-monitors/{id}': { PATCH: 'editor', DELETE: 'editor' },
  '/api/v1/anomaly-monitors/{id}/series': { GET: 'viewer' },
  '/api/v1/business-metrics': { GET: 'viewer', POST: 'editor' },
  '/api/v1/business-metrics/{name}/points': { POST: 'editor' },
  '/api/v1/unit-costs': { GET: 'viewer' },
  // channels hold people's addresses and webhook endpoints: admins manage them; editors read them
  // (names and types) to subscribe the budgets and monitors they edit, and read the delivery log
  '/api/v1/channels': { GET: 'editor', POST: 'admin' },
  '/api/v1/channels/{id}': { PATCH: 'admin', DELETE: 'admin' },
  '/api/v1/channels/{id}/test': { POST: 'admin' },
  '/api/v1/notifications': { GET: 'editor' },
  // who receives the weekly report, and sending it: an administrator's act
  '/api/v1/report-schedules': { GET: 'admin', POST: 'admin' },
  '/api/v1/report-schedules/{id}': { GET: 'admin', PATCH: 'admin', DELETE: 'admin' },
  '/api/v1/report-schedules/{id}/send': { POST: 'admin' },
  '/api/v1/report-deliveries': { GET: 'admin' },
  // the e-mail's one-click link: the signed token is the authority, the reader has no session
  '/api/v1/report-schedules/unsubscribe': { GET: 'public', POST: 'public' },
} as const satisfies Record<string, Partial<Record<THttpMethod, TRouteRole>>>;

export type TApiPath = keyof typeof ROUTE_ROLES;
type TMethodOf<P extends TApiPath> = keyof (typeof ROUTE_ROLES)[P] & THttpMethod;

// The options apiRoute takes for one operation: its route (for metrics and logs) and its role.
export function routeAccess<P extends TApiPath>(route: P, method: TMethodOf<P>): { route: P; role: TRouteRole } {
  return { route, role: (ROUTE_ROLES[route] as Record<string, TRouteRole>)[method] };
}

// The role of an operation, or undefined when the table has none.
export function requiredRole(path: string, method: string): TRouteRole | undefined {
  const methods = (ROUTE_ROLES as Record<string, Partial<Record<string, TRouteRole>>>)[path];
  return methods?.[method.toUpperCase()];
}

// The route template a request path matches ("/api/v1/scenarios/{id}"), with the name of each
// parameter segment by position, or null.
export function matchRoute(pathname: string): { template: string; params: Record<number, string> } | null {
  const segments = pathname.split('/');
  let best: { template: string; params: Record<number, string>; fixed: number } | null = null;
  for (const template of Object.keys(ROUTE_ROLES)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<number, string> = {};
    let fixed = 0;
    const ok = parts.every((part, i) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (m) return (params[i] = m[1]), true;
      fixed++;
      return part === segments[i];
    });
    // a fixed segment beats a parameter (scenarios/compare before scenarios/{id})
    if (ok && (!best || fixed > best.fixed)) best = { template, params, fixed };
  }
  return best && { template: best.template, params: best.params };
}
