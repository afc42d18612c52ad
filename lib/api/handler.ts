// The one wrapper for /api route handlers: authentication, role checks, error mapping, metrics, logs.
import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { resolveActor, requireRole, type TActor } from '../auth/actor';
import type { TRole } from '../auth/roles';
import { env } from '../env';
import { AppError, type TIssue } from '../errors';
import { API_CSP, applySecurityHeaders } from '../http/security-headers';
import { logger } from '../logger';
import { observeRequest } from '../metrics';
import { checkParams, databaseInputError, readJsonBody, readQuery } from './safe-input';
import { assertJsonBody, assertSameOrigin } from './same-origin';

// Next.js resolves params to undefined for a route without dynamic segments
type TRouteContext = { params: Promise<Record<string, string | string[]> | undefined> };
type THandlerArgs = { req: Request; actor: TActor; params: Record<string, string | string[]>; requestId: string };

export function zodIssues(error: z.ZodError, where = '(body)'): TIssue[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
}

function badRequest(error: z.ZodError, where: string) {
  const issues = zodIssues(error, where);
  return new AppError('BAD_REQUEST', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.message, issues: error.issues.length ? error.issues : undefined } },
      { status: error.status, headers: { 'x-request-id': requestId } },
    );
  }
  if (error instanceof z.ZodError) return errorResponse(badRequest(error, '(body)'), requestId);
  const refused = databaseInputError(error);
  if (refused) {
    // validation should have named the field before the database saw the value
    logger.error({ err: error, requestId }, 'the database refused a value that validation let through');
    return errorResponse(refused, requestId);
  }
  logger.error({ err: error, requestId }, 'unexpected error in API route');
  return Response.json(
    { error: { code: 'INTERNAL', message: 'unexpected error; quote this request id to an administrator', requestId } },
    { status: 500, headers: { 'x-request-id': requestId } },
  );
}

// A person signed in with a one-time password reaches only their own account until they choose a
// password: the pages send them to /account, and the API answers everything else with 403.
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/me', '/api/v1/me/password']);

function assertPasswordChosen(actor: TActor, route: string) {
  if (actor.type === 'user' && actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(route)) {
    throw new AppError('FORBIDDEN', 'choose your own password first (POST /api/v1/me/password): the one you signed in with was set by an administrator');
  }
}

export function apiRoute(
  // body 'raw': the route reads a file as its body (FOCUS upload) rather than JSON
  options: { route: string; role: TRole | 'public'; body?: 'json' | 'raw' },
  fn: (args: THandlerArgs) => Promise<Response | unknown>,
) {
  return async (req: Request, ctx?: TRouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    let response: Response;
    try {
      assertSameOrigin(req);
      if (options.body !== 'raw') assertJsonBody(req);
      const actor =
        options.role === 'public'
          ? ({ type: 'token', id: 'public', label: 'public', role: 'viewer' } as TActor)
          : requireRole(await resolveActor(req.headers), options.role);
      assertPasswordChosen(actor, options.route);
      const params = ctx ? checkParams(await ctx.params, req.url) : {};
      const result = await fn({ req, actor, params, requestId });
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    // here rather than in proxy.ts, which must not see every API path (it would buffer an upload)
    applySecurityHeaders(response.headers, API_CSP, env().APP_URL);
    const seconds = (performance.now() - started) / 1000;
    observeRequest(options.route, req.method, response.status, seconds);
    logger.info(
      { requestId, method: req.method, route: options.route, status: response.status, ms: Math.round(seconds * 1000) },
      'request',
    );
    return response;
  };
}

// Parses URL query parameters with a zod schema; a bad one is a 400 that names the parameter.
// They are decoded strictly (safe-input): invalid UTF-8 or a NUL is refused, not replaced.
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const result = schema.safeParse(readQuery(new URL(req.url)));
  if (!result.success) throw badRequest(result.error, '(query)');
  return result.data;
}

// Parses a JSON body with a zod schema. Bytes that are not UTF-8, NUL characters, lone surrogates
// and absurd nesting are refused first (safe-input), naming the field.
export async function parseBody<T extends z.ZodType>(schema: T, req: Request): Promise<z.infer<T>> {
  const result = schema.safeParse(await readJsonBody(req));
  if (!result.success) throw badRequest(result.error, '(body)');
  return result.data;
}
