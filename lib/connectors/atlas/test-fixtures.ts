// Payloads shaped like the Atlas Admin API v2 documents them, shared by the Atlas tests.
import type { TAtlasFakeState } from '../../../test/fakes/atlas';

export const ORG = '5f0c3a2b1d4e5f6a7b8c9d0e';
export const P1 = '6a1b2c3d4e5f6a7b8c9d0e1f';
export const P2 = '6a1b2c3d4e5f6a7b8c9d0e2a';

const day = (d: string) => `2026-${d}T00:00:00Z`;

export function atlasState(): TAtlasFakeState {
  return {
    orgId: ORG,
    publicKey: 'pubkey01',
    privateKey: '3c1f8a52-0d3b-4c6e-9f5a-7e2b1d9c0a44',
    clientId: 'mdb_sa_id_0123',
    clientSecret: 'mdb_sa_sk_secret',
    maxItemsPerPage: 1,
    invoices: [
      {
        id: '64aa00000000000000000009',
        orgId: ORG,
        startDate: day('09-01'),
        endDate: day('10-01'),
        statusName: 'PAID',
        lineItems: [],
      },
      {
        id: '64aa0000000000000000000a',
        orgId: ORG,
        startDate: day('10-01'),
        endDate: day('11-01'),
        statusName: 'CLOSED',
        creditsCents: 2000,
        salesTaxCents: 250,
        subtotalCents: 13678,
        lineItems: [
          {
            sku: 'ATLAS_AWS_INSTANCE_M30',
            clusterName: 'Cluster0',
            groupId: P1,
            groupName: 'prod',
            quantity: 24,
            unit: 'server hours',
            unitPriceDollars: 0.54,
            totalPriceCents: 1296,
            startDate: day('10-01'),
            endDate: day('10-02'),
            created: day('10-02'),
          },
          {
            sku: 'ATLAS_AWS_STORAGE_PROVISIONED',
            clusterName: 'Cluster0',
            groupId: P1,
            groupName: 'prod',
            quantity: 3.2258,
            unit: 'GB days',
            unitPriceDollars: 0.1147,
            totalPriceCents: 37,
            discountCents: 7,
            percentDiscount: 20,
            startDate: day('10-01'),
            endDate: day('10-02'),
          },
          {
            sku: 'ATLAS_AWS_DATA_TRANSFER_INTERNET',
            clusterName: 'Cluster0',
            groupId: P1,
            quantity: 1234.5,
            unit: 'GB',
            unitPriceDollars: 0.1,
            totalPriceCents: 12345,
            discountCents: 345,
            startDate: day('10-15'),
            endDate: day('10-16'),
            tags: { team: ['routes'], env: ['prod'] },
          },
          {
            sku: 'CREDIT',
            groupId: P1,
            quantity: 1,
            unit: 'credit',
            unitPriceDollars: -5,
            totalPriceCents: -500,
            startDate: day('10-20'),
            endDate: day('10-21'),
            note: 'Promotional credit',
          },
        ],
      },
    ],
    pending: {
      id: '64aa0000000000000000000b',
      orgId: ORG,
      startDate: day('11-01'),
      endDate: day('12-01'),
      statusName: 'PENDING',
      lineItems: [
        {
          sku: 'ATLAS_AWS_INSTANCE_M30',
          clusterName: 'Cluster0',
          groupId: P1,
          groupName: 'prod',
          quantity: 24,
          unit: 'server hours',
          unitPriceDollars: 0.54,
          totalPriceCents: 1296,
          startDate: day('11-01'),
          endDate: day('11-02'),
        },
        {
          sku: 'ATLAS_AWS_INSTANCE_M30',
          clusterName: 'Cluster0',
          groupId: P1,
          groupName: 'prod',
          quantity: 24,
          unit: 'server hours',
          unitPriceDollars: 0.54,
          totalPriceCents: 1296,
          startDate: day('11-02'),
          endDate: day('11-03'),
        },
      ],
    },
    projects: [
      { id: P1, name: 'prod', orgId: ORG },
      { id: P2, name: 'staging', orgId: ORG },
    ],
    clusters: {
      [P1]: [
        {
          id: '65bb00000000000000000001',
          name: 'Cluster0',
          groupId: P1,
          clusterType: 'REPLICASET',
          mongoDBVersion: '7.0.14',
          stateName: 'IDLE',
          paused: false,
          connectionStrings: {
            standard:
              'mongodb://cluster0-shard-00-00.ab1cd.mongodb.net:27017,cluster0-shard-00-01.ab1cd.mongodb.net:27017,cluster0-shard-00-02.ab1cd.mongodb.net:27017/?ssl=true&authSource=admin&replicaSet=atlas-x1y2z3-shard-0',
            standardSrv: 'mongodb+srv://cluster0.ab1cd.mongodb.net',
          },
          replicationSpecs: [
            {
              id: '65bb00000000000000000101',
              zoneName: 'Zone 1',
              regionConfigs: [
                {
                  providerName: 'AWS',
                  regionName: 'EU_WEST_3',
                  priority: 7,
                  electableSpecs: { instanceSize: 'M30', nodeCount: 3, diskSizeGB: 40, diskIOPS: 3000, ebsVolumeType: 'STANDARD' },
                  readOnlySpecs: { instanceSize: 'M30', nodeCount: 0 },
                  analyticsSpecs: { instanceSize: 'M30', nodeCount: 0 },
                },
              ],
            },
          ],
        },
      ],
      [P2]: [
        {
          id: '65bb00000000000000000002',
          name: 'Staging',
          groupId: P2,
          clusterType: 'REPLICASET',
          replicationSpecs: [
            {
              regionConfigs: [
                {
                  providerName: 'AWS',
                  regionName: 'EU_CENTRAL_1',
                  priority: 7,
                  electableSpecs: { instanceSize: 'M10', nodeCount: 3, diskSizeGB: 10 },
                },
              ],
            },
          ],
        },
      ],
    },
    processes: {
      [P1]: ['00', '01', '02'].map((n, i) => ({
        id: `atlas-x1y2z3-shard-00-${n}.ab1cd.mongodb.net:27017`,
        hostname: `atlas-x1y2z3-shard-00-${n}.ab1cd.mongodb.net`,
        userAlias: `cluster0-shard-00-${n}.ab1cd.mongodb.net`,
        port: 27017,
        typeName: i === 0 ? 'REPLICA_PRIMARY' : 'REPLICA_SECONDARY',
        replicaSetName: 'atlas-x1y2z3-shard-0',
        groupId: P1,
        version: '7.0.14',
      })),
      [P2]: [],
    },
    measurements: {
      'atlas-x1y2z3-shard-00-00.ab1cd.mongodb.net:27017': [
        { name: 'SYSTEM_NORMALIZED_CPU_USER', units: 'PERCENT', points: [['2026-11-03T09:00:00Z', 20], ['2026-11-03T10:00:00Z', 30]] },
        { name: 'SYSTEM_NORMALIZED_CPU_KERNEL', units: 'PERCENT', points: [['2026-11-03T09:00:00Z', 5], ['2026-11-03T10:00:00Z', 4]] },
        { name: 'MEMORY_RESIDENT', units: 'MEGABYTES', points: [['2026-11-03T09:00:00Z', 3000], ['2026-11-03T10:00:00Z', 3100]] },
        { name: 'CACHE_USED_BYTES', units: 'BYTES', points: [['2026-11-03T09:00:00Z', 1_000_000_000]] },
        { name: 'CONNECTIONS', units: 'SCALAR', points: [['2026-11-03T09:00:00Z', 120]] },
        { name: 'OPCOUNTER_QUERY', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 100]] },
        { name: 'OPCOUNTER_INSERT', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 10]] },
        { name: 'OPCOUNTER_CMD', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', null]] },
      ],
      'atlas-x1y2z3-shard-00-01.ab1cd.mongodb.net:27017': [
        { name: 'SYSTEM_NORMALIZED_CPU_USER', units: 'PERCENT', points: [['2026-11-03T09:00:00Z', 10]] },
        { name: 'SYSTEM_NORMALIZED_CPU_KERNEL', units: 'PERCENT', points: [['2026-11-03T09:00:00Z', 2]] },
        { name: 'MEMORY_RESIDENT', units: 'MEGABYTES', points: [['2026-11-03T09:00:00Z', 3500]] },
        { name: 'CONNECTIONS', units: 'SCALAR', points: [['2026-11-03T09:00:00Z', 40]] },
        { name: 'OPCOUNTER_QUERY', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 30]] },
      ],
      'atlas-x1y2z3-shard-00-02.ab1cd.mongodb.net:27017': [],
    },
    diskMeasurements: {
      'atlas-x1y2z3-shard-00-00.ab1cd.mongodb.net:27017': [
        { name: 'DISK_PARTITION_SPACE_USED', units: 'BYTES', points: [['2026-11-03T09:00:00Z', 12_000_000_000]] },
        { name: 'DISK_PARTITION_IOPS_READ', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 50]] },
        { name: 'DISK_PARTITION_IOPS_WRITE', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 30]] },
      ],
      'atlas-x1y2z3-shard-00-01.ab1cd.mongodb.net:27017': [
        { name: 'DISK_PARTITION_SPACE_USED', units: 'BYTES', points: [['2026-11-03T09:00:00Z', 12_500_000_000]] },
        { name: 'DISK_PARTITION_IOPS_READ', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 20]] },
        { name: 'DISK_PARTITION_IOPS_WRITE', units: 'SCALAR_PER_SECOND', points: [['2026-11-03T09:00:00Z', 10]] },
      ],
    },
  };
}
