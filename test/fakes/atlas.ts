// A fake Atlas Administration API v2 on 127.0.0.1: digest challenges it checks itself (RFC 7616 MD5,
// qop=auth), service-account tokens, versioned media types, pageNum/itemsPerPage paging with
// rel=next links, and the invoice, project, cluster, process and measurement endpoints.
import { createHash, randomBytes } from 'node:crypto';
import { startFakeServer, type TFakeReply, type TFakeRequest, type TFakeServer } from './http-fake';

export type TFakeSeries = { name: string; units: string; points: Array<[string, number | null]> };

export type TAtlasFakeState = {
  orgId: string;
  publicKey: string;
  privateKey: string;
  clientId?: string;
  clientSecret?: string;
  // the server caps itemsPerPage to this, so lists span several pages
  maxItemsPerPage?: number;
  invoices: Array<Record<string, unknown> & { id: string; lineItems: unknown[] }>;
  pending?: (Record<string, unknown> & { id: string; lineItems: unknown[] }) | null;
  projects: Array<{ id: string; name: string; orgId: string }>;
  clusters: Record<string, unknown[]>; // by project id
  processes: Record<string, unknown[]>; // by project id
  measurements: Record<string, TFakeSeries[]>; // by process id (process metrics)
  diskMeasurements: Record<string, TFakeSeries[]>; // by process id (partition "data")
};

export type TAtlasFake = TFakeServer & { state: TAtlasFakeState; readonly digestFailures: number };

const REALM = 'MMS Public API';
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function params(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) out[m[1]] = m[2] ?? m[3];
  return out;
}

const atlasError = (status: number, errorCode: string, detail: string): TFakeReply => ({
  status,
  json: { detail, error: status, errorCode, parameters: [], reason: errorCode },
});

export async function startAtlasFake(state: TAtlasFakeState): Promise<TAtlasFake> {
  const nonces = new Set<string>();
  const tokens = new Set<string>();
  let digestFailures = 0;

  const challenge = (): TFakeReply => {
    const nonce = randomBytes(12).toString('base64url');
    nonces.add(nonce);
    return {
      status: 401,
      headers: {
        'www-authenticate': `Digest realm="${REALM}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=false`,
      },
      json: { detail: 'You are not authorized for this resource.', error: 401, errorCode: 'NOT_ORG_GROUP_CREATOR', reason: 'Unauthorized' },
    };
  };

  // Recomputes the digest from the shared secret and compares: nothing here trusts the client's maths.
  function authorised(req: TFakeRequest): boolean {
    const header = String(req.headers.authorization ?? '');
    if (header.startsWith('Bearer ')) return tokens.has(header.slice(7));
    if (!header.startsWith('Digest ')) return false;
    const p = params(header.slice(7));
    const uri = req.url;
    if (p.username !== state.publicKey || p.realm !== REALM || !nonces.has(p.nonce)) return false;
    if (p.uri !== uri || p.qop !== 'auth' || !p.nc || !p.cnonce) return false;
    const ha1 = md5(`${state.publicKey}:${REALM}:${state.privateKey}`);
    const ha2 = md5(`${req.method}:${uri}`);
    const expected = md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`);
    if (p.response !== expected) {
      digestFailures += 1;
      return false;
    }
    return true;
  }

  function page(req: TFakeRequest, items: unknown[]): TFakeReply {
    const pageNum = Number(req.query.get('pageNum') ?? 1);
    const asked = Number(req.query.get('itemsPerPage') ?? 100);
    const size = Math.min(asked, state.maxItemsPerPage ?? 500);
    const results = items.slice((pageNum - 1) * size, pageNum * size);
    const self = `https://cloud.mongodb.com${req.path}`;
    const links = [{ rel: 'self', href: `${self}?pageNum=${pageNum}&itemsPerPage=${size}` }];
    if (pageNum * size < items.length) links.push({ rel: 'next', href: `${self}?pageNum=${pageNum + 1}&itemsPerPage=${size}` });
    if (pageNum > 1) links.push({ rel: 'previous', href: `${self}?pageNum=${pageNum - 1}&itemsPerPage=${size}` });
    return { json: { links, results, totalCount: items.length } };
  }

  function series(req: TFakeRequest, all: TFakeSeries[]): TFakeReply {
    if (req.query.get('granularity') !== 'PT1H') return atlasError(400, 'INVALID_QUERY_PARAMETER', 'granularity');
    const wanted = req.query.getAll('m');
    const start = Date.parse(req.query.get('start') ?? '');
    const end = Date.parse(req.query.get('end') ?? '');
    if (Number.isNaN(start) || Number.isNaN(end)) return atlasError(400, 'INVALID_QUERY_PARAMETER', 'start/end');
    const measurements = all
      .filter((s) => !wanted.length || wanted.includes(s.name))
      .map((s) => ({
        name: s.name,
        units: s.units,
        dataPoints: s.points
          .filter(([ts]) => Date.parse(ts) >= start && Date.parse(ts) <= end)
          .map(([timestamp, value]) => ({ timestamp, value })),
      }));
    return { json: { granularity: 'PT1H', start: req.query.get('start'), end: req.query.get('end'), measurements } };
  }

  function route(req: TFakeRequest): TFakeReply {
    const v2 = '/api/atlas/v2';
    let m: RegExpMatchArray | null;
    const org = (id: string) => id === state.orgId;
    if ((m = req.path.match(/^\/api\/atlas\/v2\/orgs\/([^/]+)\/invoices$/))) {
      if (!org(m[1])) return atlasError(404, 'ORG_NOT_FOUND', `No organization with ID ${m[1]} exists.`);
      const from = req.query.get('fromDate');
      const all = [...state.invoices, ...(state.pending ? [state.pending] : [])]
        .filter((i) => !from || String(i.startDate) >= from)
        .map(({ lineItems: _omit, ...meta }) => meta);
      return page(req, all);
    }
    if ((m = req.path.match(/^\/api\/atlas\/v2\/orgs\/([^/]+)\/invoices\/pending$/))) {
      if (!org(m[1])) return atlasError(404, 'ORG_NOT_FOUND', 'no such org');
      return state.pending ? { json: state.pending } : atlasError(404, 'PENDING_INVOICE_NOT_FOUND', 'none');
    }
    if ((m = req.path.match(/^\/api\/atlas\/v2\/orgs\/([^/]+)\/invoices\/([^/]+)$/))) {
      const invoice = state.invoices.find((i) => i.id === m![2]);
      return invoice && org(m[1]) ? { json: invoice } : atlasError(404, 'INVOICE_NOT_FOUND', m[2]);
    }
    if (req.path === `${v2}/groups`) return page(req, state.projects);
    if ((m = req.path.match(/^\/api\/atlas\/v2\/groups\/([^/]+)\/clusters$/))) {
      if (!String(req.headers.accept).includes('2024-08-05')) return atlasError(406, 'INVALID_VERSION_DATE', 'clusters need 2024-08-05');
      return page(req, state.clusters[m[1]] ?? []);
    }
    if ((m = req.path.match(/^\/api\/atlas\/v2\/groups\/([^/]+)\/processes$/))) return page(req, state.processes[m[1]] ?? []);
    if ((m = req.path.match(/^\/api\/atlas\/v2\/groups\/[^/]+\/processes\/([^/]+)\/measurements$/))) {
      return series(req, state.measurements[decodeURIComponent(m[1])] ?? []);
    }
    if ((m = req.path.match(/^\/api\/atlas\/v2\/groups\/[^/]+\/processes\/([^/]+)\/disks$/))) {
      return page(req, [{ partitionName: 'data', links: [] }]);
    }
    if ((m = req.path.match(/^\/api\/atlas\/v2\/groups\/[^/]+\/processes\/([^/]+)\/disks\/data\/measurements$/))) {
      return series(req, state.diskMeasurements[decodeURIComponent(m[1])] ?? []);
    }
    return atlasError(404, 'RESOURCE_NOT_FOUND', `no route ${req.method} ${req.path}`);
  }

  const server = await startFakeServer((req) => {
    if (req.path === '/api/oauth/token' && req.method === 'POST') {
      const basic = Buffer.from(`${state.clientId}:${state.clientSecret}`).toString('base64');
      if (!state.clientId || req.headers.authorization !== `Basic ${basic}` || req.body !== 'grant_type=client_credentials') {
        return { status: 401, json: { error: 'invalid_client', error_description: 'Invalid client credentials' } };
      }
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      return { json: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
    }
    if (!authorised(req)) return challenge();
    if (!/^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json/.test(String(req.headers.accept))) {
      return atlasError(406, 'INVALID_VERSION_DATE', 'Accept must name an API version');
    }
    return route(req);
  });
  const fake = Object.assign(server, { state }) as TAtlasFake;
  Object.defineProperty(fake, 'digestFailures', { get: () => digestFailures });
  return fake;
}
