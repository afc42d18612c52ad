import { describe, expect, it } from 'vitest';
import { runsOn } from './node-pool-workloads';

const pool = { cluster: 'ec-prod', nodegroup: 'app-nodes', instanceType: 'm6i.xlarge' };
const app = (attributes: Record<string, unknown>) => ({ kind: 'app', attributes });

describe('runsOn', () => {
  it('links a deployment whose pods all run on the pool, as the connector saw them', () => {
    expect(runsOn(app({ cluster: 'ec-prod', nodeGroups: { 'app-nodes': 4 } }), pool, 2)).toBe(true);
    expect(runsOn(app({ cluster: 'ec-prod', nodeGroups: { batch: 4 } }), pool, 2)).toBe(false);
    // spread over two pools: linked to neither, its pods count at their requests in each
    expect(runsOn(app({ cluster: 'ec-prod', nodeGroups: { 'app-nodes': 3, batch: 1 } }), pool, 2)).toBe(false);
    // another cluster's deployment of the same name and group
    expect(runsOn(app({ cluster: 'ec-staging', nodeGroups: { 'app-nodes': 4 } }), pool, 2)).toBe(false);
  });

  it('falls back to the instance type, then to the cluster’s only pool', () => {
    expect(runsOn(app({ cluster: 'ec-prod', nodeInstanceType: 'm6i.xlarge' }), pool, 2)).toBe(true);
    expect(runsOn(app({ cluster: 'ec-prod', nodeInstanceType: 'c7i.large' }), pool, 1)).toBe(false);
    expect(runsOn(app({ cluster: 'ec-prod' }), pool, 1)).toBe(true);
    expect(runsOn(app({ cluster: 'ec-prod' }), pool, 2)).toBe(false);
    expect(runsOn(app({}), pool, 1)).toBe(false);
    expect(runsOn({ kind: 'database', attributes: { cluster: 'ec-prod' } }, pool, 1)).toBe(false);
  });
});
