// The sign-in routes belong to better-auth, which hands strings to PostgreSQL as they come: a NUL
// in an e-mail address is a database error (500) there. Their input gets the same checks as the
// API's (safe-input) before better-auth sees it, and a refusal in the API's error shape.
import { AppError } from '../errors';
import { MAX_JSON_BODY_BYTES, readBodyBytes, readJsonBody, readQuery } from './safe-input';

function refusal(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.message, issues: error.issues } }, { status: error.status });
}

// The request to pass on to better-auth (its body re-readable), or the 400 that refuses it.
export async function checkAuthRequest(req: Request): Promise<Request | Response> {
  try {
    readQuery(new URL(req.url));
    if (req.method === 'GET' || req.method === 'HEAD') return req;
    const bytes = await readBodyBytes(req, MAX_JSON_BODY_BYTES);
    const type = req.headers.get('content-type') ?? '';
    if (bytes.byteLength && type.toLowerCase().includes('json')) {
      await readJsonBody(new Request(req.url, { method: 'POST', body: bytes }));
    }
    return new Request(req.url, { method: req.method, headers: req.headers, body: bytes.byteLength ? bytes : undefined, signal: req.signal });
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    throw error;
  }
}
