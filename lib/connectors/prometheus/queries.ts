// The PromQL the connector runs, one per metric: the deployment queries answer one series per (namespace,
// deployment), the node-group queries one series per (nodegroup, instance_type) and, where Prometheus holds
// several clusters, per `cluster`. The defaults read cAdvisor and kube-state-metrics on Kubernetes; every one
// can be replaced in the connection's settings (the replacement must keep the same labels).

// Pods of a Deployment are named <deployment>-<replicaset hash>-<suffix>: the deployment is recovered
// from the pod name, which needs no join against kube_pod_owner.
const byDeployment = (expr: string) =>
  `sum by (namespace, deployment) (label_replace(${expr}, "deployment", "$1", "pod", "^(.+)-[a-z0-9]{5,10}-[a-z0-9]{5}$"))`;

export type TPromMetric = {
  metric: string;
  unit: string;
  setting: string; // the settings key that overrides the query
  query: string;
  /** What one series is: a deployment (namespace, deployment) or a node group (nodegroup, instance_type). */
  scope?: 'deployment' | 'node-group';
};

export const DEFAULT_PROM_QUERIES: readonly TPromMetric[] = [
  {
    metric: 'cpu_cores',
    unit: 'cores',
    setting: 'cpuQuery',
    query: byDeployment('rate(container_cpu_usage_seconds_total{container!="", container!="POD"}[5m])'),
  },
  {
    metric: 'cpu_request_cores',
    unit: 'cores',
    setting: 'cpuRequestsQuery',
    query: byDeployment('kube_pod_container_resource_requests{resource="cpu"}'),
  },
  {
    metric: 'cpu_limit_cores',
    unit: 'cores',
    setting: 'cpuLimitsQuery',
    query: byDeployment('kube_pod_container_resource_limits{resource="cpu"}'),
  },
  {
    metric: 'memory_working_set_bytes',
    unit: 'bytes',
    setting: 'memoryQuery',
    query: byDeployment('container_memory_working_set_bytes{container!="", container!="POD"}'),
  },
  {
    metric: 'memory_request_bytes',
    unit: 'bytes',
    setting: 'memoryRequestsQuery',
    query: byDeployment('kube_pod_container_resource_requests{resource="memory"}'),
  },
  {
    metric: 'memory_limit_bytes',
    unit: 'bytes',
    setting: 'memoryLimitsQuery',
    query: byDeployment('kube_pod_container_resource_limits{resource="memory"}'),
  },
  {
    metric: 'replicas',
    unit: 'count',
    setting: 'replicasQuery',
    query: 'sum by (namespace, deployment) (kube_deployment_status_replicas_available)',
  },
  {
    metric: 'http_requests_per_second',
    unit: 'req/s',
    setting: 'httpRequestsQuery',
    query: byDeployment('rate(http_requests_total[5m])'),
  },
];

// Node groups. kube_node_labels carries a node's Kubernetes labels as `label_<name>` only when
// kube-state-metrics is started with --metric-labels-allowlist=nodes=[eks.amazonaws.com/nodegroup,
// node.kubernetes.io/instance-type]; the group and the instance type become labels of their own here. Each
// kube-state-metrics series is first taken once (`max by` its identity), so two replicas scraped do not count twice.
const NODE_LABELS =
  'max by (cluster, node, nodegroup, instance_type) (label_replace(label_replace(kube_node_labels, "nodegroup", "$1", "label_eks_amazonaws_com_nodegroup", "(.+)"), "instance_type", "$1", "label_node_kubernetes_io_instance_type", "(.+)"))';
// Requests of every pod the scheduler counts on a node (pending or running: finished pods keep their series
// until deleted), system and auxiliary pods included, summed per node group through the pods' `node` label.
// Init containers are left out: they run before the others and the scheduler reserves the larger of the two.
const podRequestsByNodeGroup = (resource: 'cpu' | 'memory') =>
  `sum by (cluster, nodegroup, instance_type) ((max by (cluster, namespace, pod, container, node) (kube_pod_container_resource_requests{resource="${resource}"}) * on (cluster, namespace, pod) group_left() max by (cluster, namespace, pod) (kube_pod_status_phase{phase=~"Pending|Running"} == 1)) * on (cluster, node) group_left(nodegroup, instance_type) ${NODE_LABELS})`;
const allocatableByNodeGroup = (resource: 'cpu' | 'memory') =>
  `sum by (cluster, nodegroup, instance_type) (max by (cluster, node) (kube_node_status_allocatable{resource="${resource}"}) * on (cluster, node) group_left(nodegroup, instance_type) ${NODE_LABELS})`;

export const DEFAULT_NODE_QUERIES: readonly TPromMetric[] = [
  { metric: 'nodes', unit: 'count', setting: 'nodesQuery', scope: 'node-group', query: `count by (cluster, nodegroup, instance_type) (${NODE_LABELS})` },
  { metric: 'cpu_request_cores', unit: 'cores', setting: 'nodeCpuRequestsQuery', scope: 'node-group', query: podRequestsByNodeGroup('cpu') },
  { metric: 'memory_request_bytes', unit: 'bytes', setting: 'nodeMemoryRequestsQuery', scope: 'node-group', query: podRequestsByNodeGroup('memory') },
  { metric: 'cpu_allocatable_cores', unit: 'cores', setting: 'nodeCpuAllocatableQuery', scope: 'node-group', query: allocatableByNodeGroup('cpu') },
  { metric: 'memory_allocatable_bytes', unit: 'bytes', setting: 'nodeMemoryAllocatableQuery', scope: 'node-group', query: allocatableByNodeGroup('memory') },
];

/** Where each deployment's pods run: pods per (deployment, node group), asked once at the end of the window
 *  (placement changes slowly). The ReplicaSet that owns a Deployment's pod is named <deployment>-<pod-template-hash>. */
export const DEFAULT_PLACEMENT_QUERY: TPromMetric = {
  metric: 'pods',
  unit: 'count',
  setting: 'placementQuery',
  scope: 'deployment',
  query: `count by (cluster, namespace, deployment, nodegroup) (label_replace(max by (cluster, namespace, pod, node, created_by_name) (kube_pod_info{created_by_kind="ReplicaSet"}), "deployment", "$1", "created_by_name", "^(.+)-[a-z0-9]{5,10}$") * on (cluster, node) group_left(nodegroup) ${NODE_LABELS})`,
};

export function placementQuery(settings: object): TPromMetric {
  const override = (settings as Record<string, unknown>)[DEFAULT_PLACEMENT_QUERY.setting];
  return { ...DEFAULT_PLACEMENT_QUERY, query: typeof override === 'string' && override.trim() ? override.trim() : DEFAULT_PLACEMENT_QUERY.query };
}

/** Every default query: deployments first, then node groups. */
export const ALL_PROM_QUERIES: readonly TPromMetric[] = [...DEFAULT_PROM_QUERIES, ...DEFAULT_NODE_QUERIES];

export const scopeOf = (q: TPromMetric) => q.scope ?? 'deployment';

// The defaults with the connection's overrides applied.
export function promQueries(settings: object): TPromMetric[] {
  const overrides = settings as Record<string, unknown>;
  return ALL_PROM_QUERIES.map((q) => {
    const override = overrides[q.setting];
    return { ...q, query: typeof override === 'string' && override.trim() ? override.trim() : q.query };
  });
}
