// OpenAPI operations for connections, sync runs, providers, FOCUS import and cost export.
import { z } from 'zod';
import type { TOperation } from './openapi';
import {
  ZConnection,
  ZConnectionRunsQuery,
  ZConnectionStatus,
  ZCostExportQuery,
  ZCreateConnection,
  ZFocusImportQuery,
  ZFocusImportResult,
  ZProvider,
  ZSyncEnqueued,
  ZSyncRequest,
  ZSyncRun,
  ZSyncRunsQuery,
  ZUpdateConnection,
} from './schemas/connections';

export const connectionOperations: TOperation[] = [
  { method: 'get', path: '/api/v1/providers', summary: 'Each provider’s settings and credential fields, for the connection form', response: z.object({ providers: z.array(ZProvider) }), tag: 'connections' },
  { method: 'get', path: '/api/v1/connections', summary: 'List connections (credentials are never returned, only their last 4 characters)', response: z.object({ connections: z.array(ZConnection) }), tag: 'connections' },
  { method: 'post', path: '/api/v1/connections', summary: 'Add a connection; settings and credentials are validated by the provider’s schemas', body: ZCreateConnection, response: ZConnection, tag: 'connections' },
  { method: 'get', path: '/api/v1/connections/{id}', summary: 'One connection, with its last run and next scheduled sync', response: ZConnection, tag: 'connections' },
  { method: 'patch', path: '/api/v1/connections/{id}', summary: 'Change a connection; an empty or absent credential keeps the stored one', body: ZUpdateConnection, response: ZConnection, tag: 'connections' },
  { method: 'delete', path: '/api/v1/connections/{id}', summary: 'Remove a connection (its cost records stay)', tag: 'connections' },
  { method: 'post', path: '/api/v1/connections/{id}/test', summary: 'Test a connection: the status says what to fix', response: ZConnectionStatus, tag: 'connections' },
  { method: 'post', path: '/api/v1/connections/{id}/sync', summary: 'Queue a sync now (202); to is exclusive', body: ZSyncRequest, response: ZSyncEnqueued, tag: 'connections' },
  { method: 'get', path: '/api/v1/connections/{id}/runs', summary: 'The connection’s run log, newest first', query: ZConnectionRunsQuery, response: z.object({ runs: z.array(ZSyncRun) }), tag: 'connections' },
  { method: 'get', path: '/api/v1/sync-runs', summary: 'The run log of syncs and imports, newest first', query: ZSyncRunsQuery, response: z.object({ runs: z.array(ZSyncRun) }), tag: 'connections' },
  { method: 'get', path: '/api/v1/sync-runs/{id}', summary: 'One sync or import run', response: ZSyncRun, tag: 'connections' },
  {
    method: 'post',
    path: '/api/v1/imports/focus',
    summary: 'Import a FOCUS 1.0–1.2 CSV sent as the body (text/csv, or gzipped); 422 with the row errors when refused (or past 1000 empty lines in a row); 413 when a gzip expands more than 200 times beyond 16 MiB, or past 32 GiB; 409 when another write stored the same charges meanwhile (run it again)',
    query: ZFocusImportQuery,
    requestContentType: ['text/csv', 'application/gzip'],
    response: ZFocusImportResult,
    tag: 'costs',
  },
  {
    method: 'get',
    path: '/api/v1/costs/export',
    summary: 'Download costs as a FOCUS 1.2 CSV (to is exclusive)',
    query: ZCostExportQuery,
    responseContentType: 'text/csv',
    tag: 'costs',
  },
];
