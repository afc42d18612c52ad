// FOCUS file upload: the request body is the CSV itself (text/csv, or gzipped), streamed into
// the import, never held whole in memory. 200 when imported, 422 with the row errors when refused.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZFocusImportQuery } from '@/lib/api/schemas/connections';
import { audit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { importFocusStream } from '@/lib/focus/import-focus-file';

export const dynamic = 'force-dynamic';

const ACCEPTED = ['text/csv', 'text/plain', 'application/csv', 'application/gzip', 'application/x-gzip', 'application/octet-stream'];

export const POST = apiRoute({ ...routeAccess('/api/v1/imports/focus', 'POST'), body: 'raw' }, async ({ req, actor }) => {
  const query = parseQuery(ZFocusImportQuery, req);
  const type = (req.headers.get('content-type') ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED.includes(type))
    throw new AppError('BAD_REQUEST', `send the file itself as the body (text/csv or application/gzip), not ${type}`, [
      { field: 'content-type', message: `expected one of ${ACCEPTED.join(', ')}` },
    ]);
  if (!req.body) throw new AppError('BAD_REQUEST', 'the request has no body: send the FOCUS file as the body', [{ field: '(body)', message: 'empty' }]);

  const body = Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>);
  // a stable default source, so uploading the same file again changes nothing
  const result = await importFocusStream(body, { source: query.name ?? 'api', partial: query.partial });
  await audit(actor, 'import.focus', { type: 'sync_run', id: result.syncRunId }, {
    source: result.source,
    status: result.status,
    partial: query.partial,
    rowsRead: result.rowsRead,
    imported: result.imported,
    refused: result.refused,
  });
  if (result.status === 'succeeded') return result;
  return Response.json(
    {
      ...result,
      error: {
        code: 'UNPROCESSABLE',
        message: result.message,
        issues: result.errors.map((e) => ({ row: e.row, field: e.column, message: e.reason })),
      },
    },
    { status: 422 },
  );
});
