// Which of the inventory's workloads run on a node pool: the node-pool rule right-sizes those and counts every
// other pod on the pool at its measured requests. Pure.
import type { TInventoryItem } from '../../queries/list-inventory';

/** Does this deployment's every pod run on the pool? Where the connector saw its pods' node groups, all of them
 *  on this one; else (an inventory that does not say) its nodes' instance type is the pool's, or it names none
 *  and the pool is its cluster's only one. A workload spread over several pools is linked to none: its pods
 *  then count in each pool at their measured requests, as the other pods do. */
export function runsOn(w: Pick<TInventoryItem, 'kind' | 'attributes'>, pool: { cluster: string; nodegroup: string; instanceType: string }, poolsInCluster: number): boolean {
  if (w.kind !== 'app' || w.attributes.cluster !== pool.cluster) return false;
  const groups = w.attributes.nodeGroups;
  if (groups && typeof groups === 'object') {
    const names = Object.keys(groups);
    return names.length === 1 && names[0] === pool.nodegroup;
  }
  return w.attributes.nodeInstanceType ? w.attributes.nodeInstanceType === pool.instanceType : poolsInCluster === 1;
}

