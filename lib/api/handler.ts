// The one wrapper for /api route handlers: authentication, role checks, error mapping, metrics, logs.
import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { resolveActor, requireRole, type TActor } from '../auth/actor';
import type { TRole } from '../auth/roles';
import { AppError, type TIssue } from '../errors';
import { logger } from '../logger';
import { observeRequest } from '../metrics';
import { assertJsonBody, assertSameOrigin } from './same-origin';

type TRouteContext = { params: Promise<Record<string, string | string[]>> };
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
  logger.error({ err: error, requestId }, 'unexpected error in API route');
  return Response.json(
    { error: { code: 'INTERNAL', message: 'unexpected error; quote this request id to an administrator', requestId } },
    { status: 500, headers: { 'x-request-id': requestId } },
  );
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
      const params = ctx ? await ctx.params : {};
      const result = await fn({ req, actor, params, requestId });
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
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
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const url = new URL(req.url);
  const raw: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (raw[k] = v));
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(result.error, '(query)');
  return result.data;
}

export async function parseBody<T extends z.ZodType>(schema: T, req: Request): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    const text = await req.text();
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('BAD_REQUEST', 'the request body is not valid JSON', [{ field: '(body)', message: 'not valid JSON' }]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(result.error, '(body)');
  return result.data;
}
