// A fake Cloudflare API v4 on 127.0.0.1: bearer API tokens, the REST envelope with page/per_page
// paging, zone and account subscriptions, and a GraphQL endpoint that checks the query and its
// variables before answering httpRequests1dGroups per zone.
import { startFakeServer, type TFakeReply, type TFakeServer } from './http-fake';

export type TCfFakeDay = { date: string; requests: number; cachedRequests: number; bytes: number; cachedBytes: number };

export type TCloudflareFakeState = {
  apiToken: string;
  accountId: string;
  maxPerPage?: number;
  zones: Array<Record<string, unknown> & { id: string; name: string }>;
  zoneSubscriptions: Record<string, unknown>; // by zone id
  accountSubscriptions: unknown[];
  billingForbidden?: boolean;
  traffic: Record<string, TCfFakeDay[]>; // by zone id
};

export type TGraphqlBody = { query: string; variables: { zoneTags: string[]; since: string; until: string; limit: number } };
export type TCloudflareFake = TFakeServer & { state: TCloudflareFakeState; graphqlBodies: TGraphqlBody[] };

const envelope = (result: unknown, extra: Record<string, unknown> = {}): TFakeReply => ({
  json: { success: true, errors: [], messages: [], result, ...extra },
});
const failure = (status: number, code: number, message: string): TFakeReply => ({
  status,
  json: { success: false, errors: [{ code, message }], messages: [], result: null },
});
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function startCloudflareFake(state: TCloudflareFakeState): Promise<TCloudflareFake> {
  const graphqlBodies: TGraphqlBody[] = [];
  const server = await startFakeServer((req) => {
    const auth = String(req.headers.authorization ?? '');
    if (!auth.startsWith('Bearer ')) return failure(400, 6003, 'Invalid request headers');
    if (auth !== `Bearer ${state.apiToken}`) return failure(403, 9109, 'Invalid access token');
    const p = req.path.replace(/^\/client\/v4/, '');
    let m: RegExpMatchArray | null;
    if (p === '/zones') {
      const account = req.query.get('account.id');
      const zones = state.zones.filter((z) => !account || (z.account as { id: string }).id === account);
      const page = Number(req.query.get('page') ?? 1);
      const perPage = Math.min(Number(req.query.get('per_page') ?? 20), state.maxPerPage ?? 50);
      const result = zones.slice((page - 1) * perPage, page * perPage);
      return envelope(result, {
        result_info: { page, per_page: perPage, count: result.length, total_count: zones.length, total_pages: Math.ceil(zones.length / perPage) },
      });
    }
    if ((m = p.match(/^\/zones\/([0-9a-f]{32})\/subscription$/))) {
      if (state.billingForbidden) return failure(403, 10000, 'Authentication error');
      return envelope(state.zoneSubscriptions[m[1]] ?? null);
    }
    if ((m = p.match(/^\/accounts\/([0-9a-f]{32})\/subscriptions$/))) {
      if (state.billingForbidden) return failure(403, 10000, 'Authentication error');
      return m[1] === state.accountId ? envelope(state.accountSubscriptions) : failure(404, 7003, 'Could not route');
    }
    if (p === '/graphql' && req.method === 'POST') {
      let body: TGraphqlBody;
      try {
        body = JSON.parse(req.body) as TGraphqlBody;
      } catch {
        return { json: { data: null, errors: [{ message: 'failed to parse the request body' }] } };
      }
      graphqlBodies.push(body);
      const v = body.variables ?? ({} as TGraphqlBody['variables']);
      const problems = [
        !/httpRequests1dGroups/.test(body.query) && 'unknown dataset',
        !/zoneTag_in:\s*\$zoneTags/.test(body.query) && 'zone filter missing',
        !/date_geq:\s*\$since/.test(body.query) && 'date filter missing',
        (!Array.isArray(v.zoneTags) || v.zoneTags.length > 10) && 'zoneTags: at most 10 zones per query',
        (!DATE.test(v.since) || !DATE.test(v.until) || v.since >= v.until) && 'since/until must be dates, since < until',
        !(v.limit > 0 && v.limit <= 10000) && 'limit must be between 1 and 10000',
      ].filter(Boolean);
      if (problems.length) return { json: { data: null, errors: problems.map((message) => ({ message, path: ['viewer'] })) } };
      const zones = v.zoneTags
        .filter((tag) => state.zones.some((z) => z.id === tag))
        .map((zoneTag) => ({
          zoneTag,
          httpRequests1dGroups: (state.traffic[zoneTag] ?? [])
            .filter((d) => d.date >= v.since && d.date < v.until)
            .map(({ date, ...sum }) => ({ dimensions: { date }, sum })),
        }));
      return { json: { data: { viewer: { zones } }, errors: null } };
    }
    return failure(404, 7003, `Could not route to ${req.path}`);
  });
  return Object.assign(server, { state, graphqlBodies });
}
