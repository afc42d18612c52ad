// A request path whose percent-encoding is not UTF-8 (/api/v1/scenarios/%C3%28) makes Next.js fail
// while it decodes the route's parameters, before any handler runs, and its fallback answers a
// bare 500. The proxy refuses such a path first, as a 400 that names the parameter.
import { matchRoute } from './route-roles';
import { decodeComponent } from './safe-input';

export function badPathEncoding(pathname: string): Response | null {
  const segments = pathname.split('/');
  const bad = segments.findIndex((segment) => decodeComponent(segment, false) === null);
  if (bad < 0) return null;
  const route = matchRoute(pathname);
  const field = route?.params[bad] ?? '(path)';
  const message = `${field}: is not valid UTF-8`;
  return Response.json({ error: { code: 'BAD_REQUEST', message, issues: [{ field, message: 'is not valid UTF-8' }] } }, { status: 400 });
}
