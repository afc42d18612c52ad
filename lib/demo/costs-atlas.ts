// MongoDB Atlas bill of the demo: the "ec-routes" M30 replica set in Paris with 200 GB disks,
// cloud backup snapshots and data transfer, itemised per day like Atlas invoice line items.
import { addUtcDays } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { billedDays, billedMonths, type TDemoModel } from './model';
import { charge, type TDemoCharge, type TDemoProvider } from './record';

export const ATLAS_PROVIDER: TDemoProvider = {
  providerName: 'MongoDB Atlas',
  publisherName: 'MongoDB, Inc.',
  invoiceIssuerName: 'MongoDB Limited',
  billingAccountId: '5f8e3c2a1b9d4e7f6a0c1d2e',
  billingAccountName: 'Europe Cyclisme',
  billingCurrency: 'USD',
};
export const ATLAS_PROJECT = { id: '6650f1c2e4b0a1d2c3e4f5a6', name: 'ec-prod' };
export const ATLAS_CLUSTER_ID = `${ATLAS_PROJECT.id}/ec-routes`;
const PARIS = { id: 'eu-west-3', name: 'Europe (Paris)' };
const SERVICE = 'MongoDB Atlas';

export const ATLAS_M30 = { vcpu: 2, ramGb: 8, defaultStorageGb: 40, diskGb: 200, nodes: 3, maxConnections: 3000 };

const PRICE = {
  serverHour: '0.21', // M30 on AWS eu-west-3, per server (node) hour
  storageGbDay: '0.0038', // provisioned storage above the tier's included 40 GB, per node
  snapshotGbDay: '0.0047',
  transferSameRegion: '0.01',
  transferDifferentRegion: '0.02',
};

export function atlasCosts(model: TDemoModel): TFocusRecord[] {
  const rows: TDemoCharge[] = [];
  for (const day of billedDays(model)) {
    const base = {
      provider: ATLAS_PROVIDER,
      start: day.date,
      end: addUtcDays(day.date, 1),
      subAccount: ATLAS_PROJECT,
      region: PARIS,
      service: SERVICE,
      serviceCategory: 'Databases',
      resource: { id: ATLAS_CLUSTER_ID, name: 'ec-routes', type: 'Cluster' },
      env: 'prod' as const,
      team: 'data',
    };
    rows.push(
      {
        ...base,
        description: 'Atlas AWS Instance M30 (EU_WEST_3)',
        sku: { id: 'ATLAS_AWS_INSTANCE_M30' },
        quantity: ATLAS_M30.nodes * 24,
        unit: 'Server Hours',
        listUnitPrice: PRICE.serverHour,
      },
      {
        ...base,
        description: 'Atlas AWS Storage Standard (EU_WEST_3)',
        sku: { id: 'ATLAS_AWS_STORAGE_STANDARD' },
        quantity: (ATLAS_M30.diskGb - ATLAS_M30.defaultStorageGb) * ATLAS_M30.nodes,
        unit: 'GB Days',
        listUnitPrice: PRICE.storageGbDay,
      },
      {
        ...base,
        description: 'Atlas AWS Backup Snapshot Storage (EU_WEST_3)',
        sku: { id: 'ATLAS_AWS_BACKUP_SNAPSHOT_STORAGE' },
        quantity: day.mongoDataGb * 1.35,
        unit: 'GB Days',
        listUnitPrice: PRICE.snapshotGbDay,
      },
      {
        ...base,
        serviceCategory: 'Networking',
        description: 'Atlas AWS Data Transfer (Same Region)',
        sku: { id: 'ATLAS_AWS_DATA_TRANSFER_SAME_REGION' },
        quantity: (day.requests * 45) / 1e6,
        unit: 'GB',
        listUnitPrice: PRICE.transferSameRegion,
      },
    );
    if (day.date >= model.phases.rolloutStart) {
      rows.push({
        ...base,
        serviceCategory: 'Networking',
        description: 'Atlas AWS Data Transfer (Different Region): snapshot copies to EU_CENTRAL_1',
        sku: { id: 'ATLAS_AWS_DATA_TRANSFER_DIFFERENT_REGION' },
        quantity: day.mongoDataGb * 0.04,
        unit: 'GB',
        listUnitPrice: PRICE.transferDifferentRegion,
      });
    }
  }
  // one goodwill credit after a maintenance incident, on the fifth month
  const month = billedMonths(model)[4];
  if (month) {
    rows.push({
      provider: ATLAS_PROVIDER,
      start: month.start,
      end: month.end,
      subAccount: ATLAS_PROJECT,
      region: PARIS,
      service: SERVICE,
      serviceCategory: 'Databases',
      category: 'Credit',
      description: 'Atlas credit: extended maintenance window on ec-routes',
      sku: { id: 'CREDIT' },
      amount: { billed: '-35', effective: '-35', list: '0' },
      env: 'prod',
      team: 'data',
    });
  }
  return rows.map(charge);
}
