// MongoDB Atlas: organisation invoices → FOCUS rows, projects and clusters → resources, hourly
// process measurements → samples per cluster.
import { z } from 'zod';
import { ZHttpUrl } from '../http-url';
import type { TFocusRecord, TResourceInput, TSampleInput } from '../../focus/types';
import { addUtcDays, isoDay, utcDaysOverlapping } from '../../dates';
import { parseConnectionConfig, TEST_TIMEOUT_MS, testConnection, type THttpConnectorOptions } from '../http';
import { ConnectorError, emptyFetchResult, type TConnector, type TFetchContext, type TFetchResult } from '../types';
import type { TAtlasCluster, TAtlasInvoiceMetadata, TAtlasMeasurements, TAtlasProject } from './api-types';
import { ATLAS_DEFAULT_BASE_URL, AtlasClient } from './client';
import {
  ATLAS_DISK_MEASUREMENTS,
  ATLAS_PROCESS_MEASUREMENTS,
  clusterExternalId,
  isDataProcess,
  mapCluster,
  mapInvoice,
  mapMeasurements,
  processBelongsTo,
} from './mapper';

export const ZAtlasSettings = z.object({
  orgId: z.string().regex(/^[a-f0-9]{24}$/, 'must be the 24-hex-digit organisation id'),
  baseUrl: ZHttpUrl.default(ATLAS_DEFAULT_BASE_URL),
});
export type TAtlasSettings = z.infer<typeof ZAtlasSettings>;

export const ZAtlasCredentials = z
  .object({
    publicKey: z.string().min(1).optional(),
    privateKey: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
  })
  .refine((c) => (c.publicKey && c.privateKey) || (c.clientId && c.clientSecret), {
    message: 'give publicKey and privateKey (API key), or clientId and clientSecret (service account)',
  });
export type TAtlasCredentials = z.infer<typeof ZAtlasCredentials>;

// Atlas keeps hourly measurements for about two months.
const MEASUREMENT_RETENTION_DAYS = 60;
const HOUR_MS = 3_600_000;

export type TAtlasConnectorOptions = THttpConnectorOptions;

function clientFor(settings: TAtlasSettings, credentials: TAtlasCredentials, options: TAtlasConnectorOptions) {
  const auth =
    credentials.publicKey && credentials.privateKey
      ? { kind: 'digest' as const, publicKey: credentials.publicKey, privateKey: credentials.privateKey }
      : { kind: 'oauth' as const, clientId: credentials.clientId!, clientSecret: credentials.clientSecret! };
  return new AtlasClient({ baseUrl: settings.baseUrl, auth, ...options });
}

function overlaps(invoice: TAtlasInvoiceMetadata, from: Date, to: Date) {
  return invoice.startDate < to && invoice.endDate > from;
}

export function createAtlasConnector(options: TAtlasConnectorOptions = {}): TConnector<TAtlasSettings, TAtlasCredentials> {
  const schemas = { settingsSchema: ZAtlasSettings, credentialsSchema: ZAtlasCredentials };

  async function fetchCosts(
    client: AtlasClient,
    settings: TAtlasSettings,
    ctx: TFetchContext,
    projectNames: Map<string, string>,
    clusterRegions: Map<string, string>,
  ): Promise<TFocusRecord[]> {
    const { from, to } = ctx.window;
    const listed = await client.listInvoices(settings.orgId, isoDay(addUtcDays(from, -32)), ctx.signal);
    const invoiceCtx = { orgId: settings.orgId, window: ctx.window, projectNames, clusterRegions };
    const rows: TFocusRecord[] = [];
    const seen = new Set<string>();
    for (const meta of listed) {
      if (meta.statusName === 'PENDING' || !overlaps(meta, from, to)) continue;
      // a closed invoice whose days in the window are all stored as final need not be read again
      const start = meta.startDate > from ? meta.startDate : from;
      const end = meta.endDate < to ? meta.endDate : to;
      if (utcDaysOverlapping(start, end).every((d) => ctx.finalDays.has(isoDay(d)))) continue;
      const invoice = await client.getInvoice(settings.orgId, meta.id, ctx.signal);
      seen.add(invoice.id);
      rows.push(...mapInvoice(invoice, invoiceCtx));
    }
    const pending = await client.getPendingInvoice(settings.orgId, ctx.signal);
    if (pending && !seen.has(pending.id) && overlaps(pending, from, to)) rows.push(...mapInvoice(pending, invoiceCtx));
    ctx.log('atlas invoices read', { invoices: seen.size + (pending ? 1 : 0), rows: rows.length });
    return rows;
  }

  async function fetchSamples(
    client: AtlasClient,
    project: TAtlasProject,
    clusters: TAtlasCluster[],
    ctx: TFetchContext,
  ): Promise<TSampleInput[]> {
    const end = new Date(Math.min(ctx.window.to.getTime(), ctx.now.getTime()));
    const oldest = ctx.now.getTime() - MEASUREMENT_RETENTION_DAYS * 86_400_000;
    const start = new Date(Math.floor(Math.max(ctx.window.from.getTime(), oldest) / HOUR_MS) * HOUR_MS);
    if (end.getTime() - start.getTime() < HOUR_MS) return [];
    const range = { start, end };
    const processes = (await client.listProcesses(project.id, ctx.signal)).filter(isDataProcess);
    const samples: TSampleInput[] = [];
    for (const cluster of clusters) {
      const mine = processes.filter((p) => processBelongsTo(p, cluster));
      const nodes: TAtlasMeasurements[][] = [];
      for (const process of mine) {
        try {
          const answers = [
            await client.processMeasurements(project.id, process.id, ATLAS_PROCESS_MEASUREMENTS, range, ctx.signal),
          ];
          const disks = await client.listDisks(project.id, process.id, ctx.signal);
          const data = disks.find((d) => d.partitionName === 'data') ?? disks[0];
          if (data) {
            answers.push(
              await client.diskMeasurements(project.id, process.id, data.partitionName, ATLAS_DISK_MEASUREMENTS, range, ctx.signal),
            );
          }
          nodes.push(answers);
        } catch (error) {
          // a node replaced since the process list was read answers 404: the others still count
          if (!(error instanceof ConnectorError && error.status === 'invalid_configuration')) throw error;
          ctx.log('atlas: process gone while reading its measurements', { process: process.id });
        }
      }
      samples.push(...mapMeasurements(clusterExternalId(project.id, cluster.name), nodes));
    }
    return samples;
  }

  return {
    provider: 'atlas',
    label: 'MongoDB Atlas',
    ...schemas,
    defaultSchedule: '17 * * * *',
    defaultBackfillDays: 35,

    async test(config, testOptions) {
      return testConnection(schemas, config, async ({ settings, credentials }) => {
        const client = clientFor(settings, credentials, { ...options, timeoutMs: options.timeoutMs ?? TEST_TIMEOUT_MS });
        const invoices = await client.countOf(
          `/api/atlas/v2/orgs/${encodeURIComponent(settings.orgId)}/invoices`,
          testOptions?.signal,
        );
        const projects = await client.countOf('/api/atlas/v2/groups', testOptions?.signal);
        const invoiceCount = invoices.totalCount ?? invoices.results.length;
        const projectCount = projects.totalCount ?? projects.results.length;
        if (invoiceCount === 0 && projectCount === 0) {
          return { status: 'no_data_yet', message: 'Connected, but the organisation has no invoices and no projects yet' };
        }
        return {
          status: 'ok',
          message: `Connected to organisation ${settings.orgId}: ${invoiceCount} invoices, ${projectCount} projects`,
        };
      });
    },

    async fetch(config, ctx): Promise<TFetchResult> {
      const { settings, credentials } = parseConnectionConfig(schemas, config);
      const client = clientFor(settings, credentials, options);
      const result = emptyFetchResult();

      const projects = (await client.listProjects(ctx.signal)).filter((p) => !p.orgId || p.orgId === settings.orgId);
      const projectNames = new Map(projects.map((p) => [p.id, p.name]));
      const clusterRegions = new Map<string, string>();
      const clustersByProject = new Map<string, TAtlasCluster[]>();
      for (const project of projects) {
        const clusters = await client.listClusters(project.id, ctx.signal);
        clustersByProject.set(project.id, clusters);
        for (const cluster of clusters) {
          const resource: TResourceInput = mapCluster(cluster, project);
          result.resources.push(resource);
          if (resource.region) clusterRegions.set(resource.externalId, resource.region);
        }
      }

      result.costs = await fetchCosts(client, settings, ctx, projectNames, clusterRegions);

      for (const project of projects) {
        const clusters = (clustersByProject.get(project.id) ?? []).filter((c) => !c.paused);
        if (clusters.length) result.samples.push(...(await fetchSamples(client, project, clusters, ctx)));
      }

      result.apiRequests = client.requests;
      ctx.log('atlas fetch done', {
        costs: result.costs.length,
        resources: result.resources.length,
        samples: result.samples.length,
        requests: client.requests,
      });
      return result;
    },
  };
}

export const atlasConnector = createAtlasConnector();
