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

// A JSON writer may escape "/" as "\\/" (PHP's json_encode, some Java ones), so every form with a
// slash is listed that way too.
function withEscapedSlashes(forms: string[]): string[] {
  return forms.flatMap((f) => (f.includes('/') ? [f, f.replaceAll('/', '\\/')] : [f]));
}

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null; // not valid percent-encoding: the raw form is listed
  }
}

function textForms(value: string): string[] {
  const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), ...base64Forms(value)];
  // a URL carries its user name and password percent-encoded; the client sends them decoded. The
  // password is a secret on its own; the user name is not (Redis's is "default", a word that
  // shows up everywhere), so it is scrubbed only together with the password, as "user:password"
  // (the user-info of the URL, and what HTTP Basic base64-encodes).
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value)) {
    const { username, password } = new URL(value);
    if (password) {
      const plain = decoded(password);
      forms.push(password, ...(plain === null ? [] : textForms(plain)));
      if (username) {
        forms.push(`${username}:${password}`);
        const user = decoded(username);
        if (user !== null && plain !== null) forms.push(`${user}:${plain}`, ...base64Forms(`${user}:${plain}`));
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
  for (const v of values) for (const f of withEscapedSlashes(textForms(v))) forms.add(f);
  // HTTP Basic and OAuth client credentials send "id:secret" base64-encoded
  for (const a of values) for (const b of values) if (a !== b) for (const f of withEscapedSlashes(base64Forms(`${a}:${b}`))) forms.add(f);
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
// A token68 value (RFC 9110) that looks like a credential rather than a word: 16 characters at
// least, or a digit or "=" in it, or one of +/._~- inside it (not at its end, where prose puts a
// full stop or a dash), or a capital after a small letter (base64, JWTs). "Basic authentication
// failed" and "Bearer authentication required" stay.
const TOKEN = String.raw`[A-Za-z0-9\-._~+/]`;
function looksLikeCredential(value: string): boolean {
  return value.length >= 16 || /[0-9=]/.test(value) || /[+/._~-][A-Za-z0-9\-._~+/]/.test(value) || /[a-z][A-Z]/.test(value);
}

// "<prefix><value>" with the value redacted when it looks like a credential, else left as it was.
function redactCredentialLike(match: string, prefix: string, value: string): string {
  return looksLikeCredential(value) ? `${prefix}${REDACTED}` : match;
}

// The names of headers that carry secrets.
const SECRET_HEADER = String.raw`(?:proxy-)?authorization|x-api-key|x-api-secret-key|x-auth-key|x-auth-token|x-amz-security-token|set-cookie|cookie`;
const AUTH_PATTERNS: Array<[RegExp, string | ((match: string, prefix: string, value: string) => string)]> = [
  // Digest username="…", response="…" / AWS4-HMAC-SHA256 Credential=…, Signature=…: the whole list
  [new RegExp(String.raw`\b(Digest|AWS4-HMAC-SHA256|AWS4-ECDSA-P256-SHA256)\s+${PARAM}(?:\s*,\s*${PARAM})*`, 'gi'), `$1 ${REDACTED}`],
  // Bearer/Basic credentials: one token68 value that looks like one (8 characters at least)
  [new RegExp(String.raw`\b((?:Bearer|Basic|Negotiate|SSWS)\s+)(${TOKEN}{8,}=*)`, 'gi'), redactCredentialLike],
  // headers that carry secrets, where a header is: at the start of a line ("Cookie: a=b"), a
  // quoted key ({"x-api-key":"…"}, \"cookie\":…), or a bare key of an object literal with a
  // quoted value ({ cookie: '…' }). Not the same word in prose ("the session cookie: expired",
  // "refused, cookie: expired").
  [
    new RegExp(
      String.raw`((?:^[ \t]*\\?["']?(?:${SECRET_HEADER})(?:\\?["'])?\s*[:=]\s*\\?["']?|[{,]\s*(?:${SECRET_HEADER})\s*[:=]\s*\\?["']|\\?["'](?:${SECRET_HEADER})\\?["']\s*[:=]\s*\\?["']?))(?!\[redacted\])(?:[^"'\\\r\n,}]|\\(?!["']))+`,
      'gim',
    ),
    `$1${REDACTED}`,
  ],
  // the same names anywhere (an echoed request flattened onto one line, as error excerpts are),
  // when what follows looks like a credential: one value, and a cookie's further "; name=value"
  [
    new RegExp(String.raw`\b((?:${SECRET_HEADER})\s*:\s*)(?!\[redacted\])([^\s"'\\,;}]+(?:;\s*[^\s"'\\,;}=]+=[^\s"'\\,;}]*)*)`, 'gi'),
    redactCredentialLike,
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
  for (const [pattern, replacement] of AUTH_PATTERNS) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
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
