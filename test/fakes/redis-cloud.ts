// A fake Redis Cloud REST API v1 on 127.0.0.1: API key headers, Pro and Essentials subscriptions,
// offset/limit paging of databases, and the asynchronous FOCUS cost report (task, then download).
import { startFakeServer, type TFakeReply, type TFakeServer } from './http-fake';

export type TRedisCloudFakeState = {
  apiKey: string;
  secretKey: string;
  accountId: number;
  maxLimit?: number; // the server caps `limit` to this
  subscriptions: Array<Record<string, unknown> & { id: number }>;
  fixedSubscriptions: Array<Record<string, unknown> & { id: number }>;
  databases: Record<number, Array<Record<string, unknown>>>; // by subscription id
  // rows of the FOCUS report, or null when the account has no access to it
  costReport: Array<Record<string, unknown>> | null;
  // task polls answered "in progress" before the report is ready
  taskPollsBeforeReady?: number;
};

export type TRedisCloudFake = TFakeServer & { state: TRedisCloudFakeState; reportRequests: unknown[] };

const error = (status: number, type: string, description: string): TFakeReply => ({
  status,
  json: { error: { type, status: `${status} ${type}`, description } },
});

export async function startRedisCloudFake(state: TRedisCloudFakeState): Promise<TRedisCloudFake> {
  const tasks = new Map<string, number>();
  const reportRequests: unknown[] = [];
  let nextTask = 1;
  const server = await startFakeServer((req) => {
    if (req.headers['x-api-key'] !== state.apiKey || req.headers['x-api-secret-key'] !== state.secretKey) {
      return error(401, 'UNAUTHORIZED', 'Authentication failed: invalid API key or secret');
    }
    const p = req.path.replace(/^\/v1/, '');
    let m: RegExpMatchArray | null;
    if (p === '/subscriptions') return { json: { accountId: state.accountId, subscriptions: state.subscriptions, links: [] } };
    if (p === '/fixed/subscriptions') return { json: { accountId: state.accountId, subscriptions: state.fixedSubscriptions, links: [] } };
    if ((m = p.match(/^(\/fixed)?\/subscriptions\/(\d+)\/databases$/))) {
      const id = Number(m[2]);
      const offset = Number(req.query.get('offset') ?? 0);
      const limit = Math.min(Number(req.query.get('limit') ?? 100), state.maxLimit ?? 100);
      const all = state.databases[id] ?? [];
      const group = { subscriptionId: id, numberOfDatabases: all.length, databases: all.slice(offset, offset + limit) };
      return { json: { accountId: state.accountId, subscription: m[1] ? group : [group], links: [] } };
    }
    if (p === '/cost-report' && req.method === 'POST') {
      if (!state.costReport) return error(403, 'FORBIDDEN', 'Cost report is not enabled for this account');
      reportRequests.push(JSON.parse(req.body));
      const taskId = `7ba51acc-0000-4000-8000-${String(nextTask++).padStart(12, '0')}`;
      tasks.set(taskId, 0);
      return { status: 202, json: { taskId, commandType: 'costReportCreateRequest', status: 'received', links: [] } };
    }
    if ((m = p.match(/^\/tasks\/(.+)$/)) && tasks.has(m[1])) {
      const polls = tasks.get(m[1])! + 1;
      tasks.set(m[1], polls);
      if (polls <= (state.taskPollsBeforeReady ?? 1)) {
        return { json: { taskId: m[1], commandType: 'costReportCreateRequest', status: 'processing-in-progress' } };
      }
      return {
        json: {
          taskId: m[1],
          commandType: 'costReportCreateRequest',
          status: 'processing-completed',
          response: { resource: { costReportId: `${m[1]}.json` } },
        },
      };
    }
    if ((m = p.match(/^\/cost-report\/(.+)$/)) && state.costReport) return { json: state.costReport };
    return error(404, 'NOT_FOUND', `no route ${req.method} ${req.path}`);
  });
  return Object.assign(server, { state, reportRequests });
}
