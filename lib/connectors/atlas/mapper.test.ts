import { describe, expect, it } from 'vitest';
import { ZAtlasCluster, ZAtlasProcess } from './api-types';
import { mapCluster, processBelongsTo, skuService } from './mapper';

describe('atlas mapper', () => {
  it('names the service from the SKU family', () => {
    expect(skuService('ATLAS_AWS_INSTANCE_M30').serviceName).toBe('Clusters');
    expect(skuService('ATLAS_GCP_INSTANCE_M10').serviceName).toBe('Clusters');
    expect(skuService('ATLAS_AWS_STORAGE_PROVISIONED').serviceName).toBe('Storage');
    expect(skuService('ATLAS_AWS_BACKUP_SNAPSHOT_STORAGE').serviceName).toBe('Backup');
    expect(skuService('ATLAS_AWS_DATA_TRANSFER_DIFFERENT_REGION')).toEqual({ serviceName: 'Data Transfer', serviceCategory: 'Networking' });
    expect(skuService('ATLAS_AWS_SEARCH_INSTANCE_S30_LOWCPU_NVME').serviceName).toBe('Atlas Search');
    expect(skuService('ATLAS_BI_CONNECTOR').serviceName).toBe('BI Connector');
    expect(skuService('REALM_APP_REQUESTS').serviceName).toBe('App Services');
    expect(skuService('ATLAS_SUPPORT').serviceName).toBe('Support');
    expect(skuService('SOMETHING_NEW').serviceName).toBe('Other');
  });

  it('counts nodes across shards of a 2023-01-01 sharded cluster and sizes it from the tier table', () => {
    const cluster = ZAtlasCluster.parse({
      name: 'Geo',
      clusterType: 'GEOSHARDED',
      diskSizeGB: 500,
      replicationSpecs: [
        {
          numShards: 2,
          zoneName: 'EU',
          regionConfigs: [
            { providerName: 'AWS', regionName: 'EU_WEST_3', priority: 7, electableSpecs: { instanceSize: 'M50', nodeCount: 3 } },
            { providerName: 'AWS', regionName: 'EU_CENTRAL_1', priority: 6, electableSpecs: { instanceSize: 'M50', nodeCount: 2 }, readOnlySpecs: { nodeCount: 1 } },
          ],
        },
      ],
    });
    const r = mapCluster(cluster, { id: 'p', name: 'prod' });
    expect(r).toMatchObject({ externalId: 'p/Geo', size: 'M50', region: 'EU_WEST_3', kind: 'database' });
    expect(r.attributes).toMatchObject({ nodeCount: 12, shards: 2, vcpus: 8, regions: ['EU_WEST_3', 'EU_CENTRAL_1'] });
    expect(r.capacity).toMatchObject({ memory_used_bytes: 32 * 1024 ** 3, disk_used_bytes: 500 * 1024 ** 3, connections: 16000 });
  });

  it('matches processes to their cluster by host, or by name when there is no connection string', () => {
    const p = ZAtlasProcess.parse({
      id: 'atlas-abc-shard-00-01.x.mongodb.net:27017',
      hostname: 'atlas-abc-shard-00-01.x.mongodb.net',
      userAlias: 'orders-shard-00-01.x.mongodb.net',
      port: 27017,
      typeName: 'REPLICA_SECONDARY',
    });
    const bare = (name: string) => ZAtlasCluster.parse({ name, replicationSpecs: [] });
    expect(processBelongsTo(p, bare('Orders'))).toBe(true);
    expect(processBelongsTo(p, bare('Ord'))).toBe(false);
    const withHosts = ZAtlasCluster.parse({
      name: 'Other',
      connectionStrings: { standard: 'mongodb://orders-shard-00-01.x.mongodb.net:27017/?ssl=true' },
      replicationSpecs: [],
    });
    expect(processBelongsTo(p, withHosts)).toBe(true);
  });
});
