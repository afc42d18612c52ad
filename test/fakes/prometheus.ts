// A fake Prometheus HTTP API on 127.0.0.1: /api/v1/query_range and /api/v1/query with Prometheus's
// own checks (11,000 points per series, start ≤ end, a PromQL that at least balances its brackets),
// its error envelope, and an optional bearer token as an auth proxy would demand.
import { startFakeServer, type TFakeReply, type TFakeServer } from './http-fake';

export type TPromFakeSeries = {
  when: RegExp; // which queries return this series
  metric: Record<string, string>;
  value: (t: number) => number | string | null; // null: no sample at t
};

export type TPrometheusFakeState = { token?: string; series: TPromFakeSeries[] };
export type TPrometheusFake = TFakeServer & { state: TPrometheusFakeState };

const fail = (status: number, errorType: string, error: string): TFakeReply => ({
  status,
  json: { status: 'error', errorType, error },
});

function balanced(query: string): boolean {
  let depth = 0;
  for (const ch of query.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
    if ('({['.includes(ch)) depth++;
    if (')}]'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

const format = (v: number | string) => (typeof v === 'number' ? String(v) : v);

export async function startPrometheusFake(state: TPrometheusFakeState): Promise<TPrometheusFake> {
  const server = await startFakeServer((req) => {
    if (state.token && req.headers.authorization !== `Bearer ${state.token}`) return { status: 401, text: 'Unauthorized\n' };
    const query = req.query.get('query') ?? '';
    if (req.path === '/api/v1/query_range' || req.path === '/api/v1/query') {
      if (!query.trim()) return fail(400, 'bad_data', 'invalid parameter "query": unknown position: parse error: no expression found in input');
      if (!balanced(query)) return fail(400, 'bad_data', 'invalid parameter "query": 1:1: parse error: unclosed left parenthesis');
    }
    const matching = state.series.filter((s) => s.when.test(query));
    if (req.path === '/api/v1/query_range') {
      const start = Number(req.query.get('start'));
      const end = Number(req.query.get('end'));
      const step = Number(req.query.get('step'));
      if (![start, end, step].every(Number.isFinite) || step <= 0) return fail(400, 'bad_data', 'invalid parameter "start/end/step"');
      if (end < start) return fail(400, 'bad_data', 'end timestamp must not be before start time');
      if ((end - start) / step + 1 > 11_000) {
        return fail(400, 'bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
      }
      const result = matching
        .map((s) => {
          const values: Array<[number, string]> = [];
          for (let t = start; t <= end; t += step) {
            const v = s.value(t);
            if (v !== null) values.push([t, format(v)]);
          }
          return { metric: s.metric, values };
        })
        .filter((s) => s.values.length);
      return { json: { status: 'success', data: { resultType: 'matrix', result } } };
    }
    if (req.path === '/api/v1/query') {
      const time = Number(req.query.get('time') ?? Date.now() / 1000);
      const result = matching.flatMap((s) => {
        const v = s.value(time);
        return v === null ? [] : [{ metric: s.metric, value: [time, format(v)] }];
      });
      return { json: { status: 'success', data: { resultType: 'vector', result } } };
    }
    return { status: 404, text: '404 page not found\n' };
  });
  return Object.assign(server, { state });
}
