// The OpenAPI document, generated from the same zod schemas that validate requests.
import { z } from 'zod';
import { ZChangePassword, ZProfile, ZResetPasswordResult, ZUpdateProfile } from './schemas/account';
import { ZApiToken, ZCreateToken, ZCreateUser, ZUpdateUser, ZUser } from './schemas/access';
import { ZResourceList, ZResourceMetricsResult } from './schemas/resources';
import { ZCostQuery } from '../queries/get-costs';
import { ZCostTableQuery } from './schemas/cost-table';
import { SCENARIO_OPERATIONS } from './schemas/scenarios';
import { PLAN_ACTUAL_OPERATIONS } from './schemas/plan-actuals';
import { ZResourceMetricsQuery } from '../queries/get-resource-metrics';
import { ZResourcesQuery } from '../queries/get-resources';
import { connectionOperations } from './openapi-connections';
import { reportOperations } from './openapi-reports';
import { forecastOperations } from './openapi-forecast';
import { budgetOperations } from './openapi-budgets';
import { anomalyOperations } from './openapi-anomalies';
import { unitCostOperations } from './openapi-unit-costs';
import { recommendationOperations } from './openapi-recommendations';
import { notificationOperations } from './openapi-notifications';
import { requiredRole, ROUTE_ROLES, type TRouteRole } from './route-roles';
import { INT4_MAX } from './safe-input';

export type TOperation = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  // a raw (non-JSON) request body, such as an uploaded file
  requestContentType?: string[];
  response?: z.ZodType;
  responseContentType?: string;
  tag: string;
};

const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string().optional(), row: z.number().optional(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

const ZCostResult = z.object({
  currency: z.string(),
  granularity: z.enum(['day', 'month']),
  groupBy: z.string().describe('as asked: a dimension or tag:KEY'),
  rows: z.array(
    z.object({
      period: z.string().describe('start of the period, YYYY-MM-DD'),
      key: z.string().describe('the group: a provider name, PROVIDER:ID for a service, region or account (a filter takes it back), a category or (none), a tag value or (none) for records without the tag, total for groupBy=none'),
      label: z.string().describe('for people; no two groups of an answer share one'),
      billedCost: z.string().describe('decimal string'),
      effectiveCost: z.string().describe('decimal string'),
    }),
  ),
});

const operations: TOperation[] = [];

export function registerOperations(...ops: TOperation[]) {
  operations.push(...ops);
}

registerOperations(
  { method: 'get', path: '/api/health', summary: 'Database reachable and migrations current', tag: 'operations' },
  { method: 'get', path: '/api/metrics', summary: 'Prometheus metrics', responseContentType: 'text/plain', tag: 'operations' },
  { method: 'get', path: '/api/v1/openapi.json', summary: 'This document; x-required-role on each operation is the least role it needs', tag: 'operations' },
  {
    method: 'get',
    path: '/api/v1/costs',
    summary: 'Costs by period and dimension (to is exclusive), converted with the stored FX rates',
    query: ZCostQuery,
    response: ZCostResult,
    tag: 'costs',
  },
  {
    method: 'get',
    path: '/api/v1/costs/table',
    summary: 'The costs page\'s table as CSV (to is exclusive): a row per group in the order asked, a column per period (its first day), total, the previous range\'s total and the change (a ratio), plain decimals and the currency; a Total row last',
    query: ZCostTableQuery,
    responseContentType: 'text/csv',
    tag: 'costs',
  },
  { method: 'get', path: '/api/v1/users', summary: 'List people', response: z.object({ users: z.array(ZUser) }), tag: 'access' },
  { method: 'post', path: '/api/v1/users', summary: 'Create a person', body: ZCreateUser, tag: 'access' },
  { method: 'patch', path: '/api/v1/users/{id}', summary: 'Change a role, disable, or set a password (one the person must replace at their next sign-in)', body: ZUpdateUser, tag: 'access' },
  {
    method: 'post',
    path: '/api/v1/users/{id}/reset-password',
    summary: 'Reset a password to a generated one-time password, in this answer only; ends the person\'s sessions, and they must choose a new one at their next sign-in',
    response: ZResetPasswordResult,
    tag: 'access',
  },
  { method: 'get', path: '/api/v1/me', summary: 'The signed-in person\'s account (an API token has none: 400)', response: ZProfile, tag: 'account' },
  {
    method: 'patch',
    path: '/api/v1/me',
    summary: 'Change one\'s name or language (locale null: the organisation\'s default); also sets the browser\'s language cookie',
    body: ZUpdateProfile,
    response: ZProfile,
    tag: 'account',
  },
  {
    method: 'post',
    path: '/api/v1/me/password',
    summary: 'Change one\'s password: the current one is checked (400 naming currentPassword when wrong); other sessions end, this one stays',
    body: ZChangePassword,
    tag: 'account',
  },
  { method: 'get', path: '/api/v1/tokens', summary: 'List API tokens (never the token itself)', response: z.object({ tokens: z.array(ZApiToken) }), tag: 'access' },
  {
    method: 'post',
    path: '/api/v1/tokens',
    summary: 'Create an API token; the response is the only place it is shown',
    body: ZCreateToken,
    response: z.object({ id: z.string(), token: z.string(), prefix: z.string() }),
    tag: 'access',
  },
  { method: 'delete', path: '/api/v1/tokens/{id}', summary: 'Revoke an API token', tag: 'access' },
);

registerOperations(
  {
    method: 'get',
    path: '/api/v1/resources',
    summary: 'Resources with their latest values and how full they are (P95 of hourly averages against capacity)',
    query: ZResourcesQuery,
    response: ZResourceList,
    tag: 'utilisation',
  },
  {
    method: 'get',
    path: '/api/v1/resources/{id}/metrics',
    summary: 'A resource\'s metrics over [from, to): points, P50/P95/max of hourly averages, headroom and trend; 404 for an unknown resource or metric',
    query: ZResourceMetricsQuery,
    response: ZResourceMetricsResult,
    tag: 'utilisation',
  },
);

registerOperations(...connectionOperations);
registerOperations(...notificationOperations);
registerOperations(...reportOperations);

registerOperations(...forecastOperations);

registerOperations(...budgetOperations);

registerOperations(...SCENARIO_OPERATIONS);

registerOperations(...PLAN_ACTUAL_OPERATIONS);

registerOperations(...anomalyOperations);

registerOperations(...unitCostOperations);
registerOperations(...recommendationOperations);

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
}

function queryParameters(schema: z.ZodType) {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    schema: s,
  }));
}

// Every operation's role comes from the table the routes use; an operation missing from it, or a
// route of the table missing from the document, is a mistake caught here and in the unit test.
function roleOf(op: TOperation): TRouteRole {
  const role = requiredRole(op.path, op.method);
  if (!role) throw new Error(`${op.method.toUpperCase()} ${op.path} has no role in lib/api/route-roles.ts`);
  return role;
}

export function undocumentedRoutes(): string[] {
  const documented = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
  return Object.entries(ROUTE_ROLES)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
    .filter((key) => !documented.has(key));
}

export function buildOpenApi(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const role = roleOf(op);
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      // versions are int4 in the database; ids are text, and text with NUL is refused (400)
      schema: m[1] === 'version' ? { type: 'integer', minimum: 1, maximum: INT4_MAX } : { type: 'string' },
    }));
    const responses: Record<string, unknown> = {
      '200': {
        description: 'OK',
        content: op.response
          ? { 'application/json': { schema: jsonSchema(op.response, 'output') } }
          : { [op.responseContentType ?? 'application/json']: { schema: { type: op.responseContentType ? 'string' : 'object' } } },
      },
      '400': { description: 'Bad input: the field is named (also NUL, lone surrogates or bytes that are not UTF-8 anywhere)', content: { 'application/json': { schema: jsonSchema(ZErrorBody, 'output') } } },
    };
    if (role !== 'public') {
      responses['401'] = { description: 'No valid session or token' };
      responses['403'] = {
        description:
          op.method === 'get' ? `Needs the ${role} role` : `Needs the ${role} role; or a session-cookie write from an origin other than APP_URL's`,
      };
    }
    if (op.body) {
      responses['413'] = { description: 'The body is larger than 1 MiB' };
      responses['415'] = { description: 'The body is not sent as application/json' };
    }
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      description: role === 'public' ? 'Public.' : `Needs the ${role} role or higher.`,
      security: role === 'public' ? [] : [{ bearer: [] }, { session: [] }],
      'x-required-role': role,
      parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      ...(op.requestContentType
        ? { requestBody: { required: true, content: Object.fromEntries(op.requestContentType.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Tourmalet API',
      version: '1',
      description: 'Costs, utilisation, scenarios and recommendations. Amounts are decimal strings; periods are half-open.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from Settings or `npm run cli -- token:create`' },
        session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
      },
    },
    paths,
  };
}
