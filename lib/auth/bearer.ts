// The one reading of `Authorization: Bearer <token>`: who is calling (actor.ts) and whether a write
// is exempt from the same-origin check (lib/api/same-origin.ts) must agree on it, or a request could
// pass the check as a token's and then be authenticated by its cookie.
export function bearerToken(headers: Headers): string | null {
  const match = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get('authorization') ?? '');
  return match ? match[1] : null;
}
