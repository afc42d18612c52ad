// Keeps secrets out of error texts. A provider (or a proxy, or a hostile base URL) may echo the
// request back in its error body; that excerpt is stored in sync_run, logged and shown to viewers.
// Two kinds of scrubbing: of the connection's own credential values in every form a scheme sends
// them (as is, URL-encoded, JSON-escaped, base64 alone and as Basic "a:b" pairs, the parts of a
// redis:// URL), and of anything shaped like an Authorization header value, whoever's it is.
export const REDACTED = '[redacted]';

// Shorter values are not scrubbed: replacing every "abc" in a message would say nothing of the
// secret that a 3-character secret does not already give away, and would garble the message.
const MIN_SECRET_LENGTH = 4;

function base64Forms(text: string): string[] {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return [b64, b64.replace(/=+$/, ''), Buffer.from(text, 'utf8').toString('base64url')];
}

function textForms(value: string): string[] {
  const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), ...base64Forms(value)];
  // a URL carries its user name and password percent-encoded; the client sends them decoded
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value)) {
    const url = new URL(value);
    for (const part of [url.password, url.username]) {
      if (!part) continue;
      forms.push(part);
      try {
        forms.push(...textForms(decodeURIComponent(part)));
      } catch {
        // not valid percent-encoding: the raw form is already listed
      }
    }
  }
  return forms;
}

// Every string a set of credential values may show up as, longest first (so that a longer form
// is replaced whole before a shorter one inside it).
export function secretForms(credentials: unknown): string[] {
  const values = [...new Set(collectStrings(credentials))].filter((v) => v.length >= MIN_SECRET_LENGTH);
  const forms = new Set<string>();
  for (const v of values) for (const f of textForms(v)) forms.add(f);
  // HTTP Basic and OAuth client credentials send "id:secret" base64-encoded
  for (const a of values) for (const b of values) if (a !== b) for (const f of base64Forms(`${a}:${b}`)) forms.add(f);
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((x, y) => y.length - x.length);
}

function collectStrings(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap((v) => collectStrings(v, depth + 1));
}

export function scrubValues(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

// A quoted ("…" or JSON-escaped \"…\") or bare auth parameter value, as in Digest and AWS SigV4.
const PARAM = String.raw`[A-Za-z0-9_-]+\s*=\s*(?:\\?"(?:[^"\\]|\\(?!"))*\\?"|[^\s,"\\}]+)`;
const AUTH_PATTERNS: Array<[RegExp, string]> = [
  // Digest username="…", response="…" / AWS4-HMAC-SHA256 Credential=…, Signature=…: the whole list
  [new RegExp(String.raw`\b(Digest|AWS4-HMAC-SHA256|AWS4-ECDSA-P256-SHA256)\s+${PARAM}(?:\s*,\s*${PARAM})*`, 'gi'), `$1 ${REDACTED}`],
  // Bearer/Basic credentials: one token68 value (8 characters at least, so "Basic plan" stays)
  [/\b(Bearer|Basic|Negotiate|SSWS)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${REDACTED}`],
  // headers that carry secrets, echoed as "name: value" or JSON "name":"value"
  [
    /\b((?:proxy-)?authorization|x-api-key|x-api-secret-key|x-auth-key|x-auth-token|x-amz-security-token|cookie|set-cookie)(\\?["']?\s*[:=]\s*\\?["']?)(?!\[redacted\])(?:[^"'\\\r\n,;}]|\\(?!["']))+/gi,
    `$1$2${REDACTED}`,
  ],
  // secret-named JSON members ("apiKey":"…") and query parameters (?access_token=…); a bare
  // "apiKey: must be …" is a field named in a validation message and stays
  [
    /(\\?"(?:api[-_]?key|api[-_]?token|secret[-_]?key|secret|access[-_]?token|refresh[-_]?token|client[-_]?secret|private[-_]?key|password|token)\\?"\s*:\s*\\?")(?:[^"\\]|\\(?!"))*/gi,
    `$1${REDACTED}`,
  ],
  [/([?&](?:api[-_]?key|access[-_]?token|token|password|secret|X-Amz-Credential|X-Amz-Signature|X-Amz-Security-Token)=)[^&\s"'#]+/gi, `$1${REDACTED}`],
  // AWS access key ids on their own
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g, REDACTED],
  // the user name and password of a URL (redis://user:password@host)
  [/([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@"']*@/gi, `$1${REDACTED}@`],
];

export function scrubAuthLike(text: string): string {
  let out = text;
  for (const [pattern, replacement] of AUTH_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

// The credential values and anything Authorization-shaped, out of one text.
export function scrubText(text: string, forms: readonly string[] = []): string {
  return scrubAuthLike(scrubValues(text, forms));
}

// Scrubs an error in place (message and stack, down its cause chain), so that whoever catches it
// next (the run log, the logger, the test route) sees no secret and the error keeps its class and
// properties (status, apiRequests).
export function scrubError<E>(error: E, forms: readonly string[] = []): E {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    try {
      e.message = scrubText(e.message, forms);
      if (e.stack) e.stack = scrubText(e.stack, forms);
    } catch {
      // a frozen or getter-only message: leave it, the last-line scrubs still apply
    }
    e = e.cause;
  }
  return error;
}
