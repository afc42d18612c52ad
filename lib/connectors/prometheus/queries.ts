// The PromQL the connector runs, one per metric, each answering one series per (namespace, deployment).
// The defaults read cAdvisor and kube-state-metrics on Kubernetes; every one can be replaced in the
// connection's settings (the replacement must keep the `namespace` and `deployment` labels).

// Pods of a Deployment are named <deployment>-<replicaset hash>-<suffix>: the deployment is recovered
// from the pod name, which needs no join against kube_pod_owner.
const byDeployment = (expr: string) =>
  `sum by (namespace, deployment) (label_replace(${expr}, "deployment", "$1", "pod", "^(.+)-[a-z0-9]{5,10}-[a-z0-9]{5}$"))`;

export type TPromMetric = {
  metric: string;
  unit: string;
  setting: string; // the settings key that overrides the query
  query: string;
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

// The defaults with the connection's overrides applied.
export function promQueries(settings: object): TPromMetric[] {
  const overrides = settings as Record<string, unknown>;
  return DEFAULT_PROM_QUERIES.map((q) => {
    const override = overrides[q.setting];
    return { ...q, query: typeof override === 'string' && override.trim() ? override.trim() : q.query };
  });
}
