// OpenAPI operations for anomaly detection: anomalies, their status, detection runs and monitors.
import { z } from 'zod';
import type { TOperation } from './openapi';
import {
  ZAnomaly,
  ZAnomalyListQuery,
  ZAnomalySeries,
  ZAnomalySeriesQuery,
  ZCreateMonitor,
  ZDetectRequest,
  ZDetectResult,
  ZMonitor,
  ZUpdateAnomaly,
  ZUpdateMonitor,
} from './schemas/anomalies';

export const anomalyOperations: TOperation[] = [
  {
    method: 'get',
    path: '/api/v1/anomalies',
    summary: 'Anomalies found in daily spend, newest first (to is exclusive): monitor, days, direction, expected and actual spend, impact, robust score, contributions of the next dimension down, status',
    query: ZAnomalyListQuery,
    response: z.object({ rows: z.array(ZAnomaly) }),
    tag: 'anomalies',
  },
  {
    method: 'patch',
    path: '/api/v1/anomalies/{id}',
    summary: 'Judge an anomaly: acknowledged, expected (planned activity) or false_positive (its days leave the baseline and are not judged again), with a note',
    body: ZUpdateAnomaly,
    response: ZAnomaly,
    tag: 'anomalies',
  },
  {
    method: 'post',
    path: '/api/v1/anomalies/detect',
    summary: 'Run detection now over [from, to] (default: the last 14 billed days); idempotent, and a backfill over any past range; 14 days of history are needed before the first day judged (judgedFrom says which)',
    body: ZDetectRequest,
    response: ZDetectResult,
    tag: 'anomalies',
  },
  { method: 'get', path: '/api/v1/anomaly-monitors', summary: 'Monitors: the total, each provider, service, account and region (made from the data), and custom scopes, with thresholds and subscriptions', response: z.object({ monitors: z.array(ZMonitor) }), tag: 'anomalies' },
  { method: 'post', path: '/api/v1/anomaly-monitors', summary: 'Add a custom monitor: a saved scope with its thresholds (defaults 20% and 20 a day) and subscribed channels', body: ZCreateMonitor, response: ZMonitor, tag: 'anomalies' },
  { method: 'patch', path: '/api/v1/anomaly-monitors/{id}', summary: 'Change a monitor’s thresholds, switch it on or off, replace its subscriptions; name and scope of custom monitors only', body: ZUpdateMonitor, response: ZMonitor, tag: 'anomalies' },
  { method: 'delete', path: '/api/v1/anomaly-monitors/{id}', summary: 'Remove a custom monitor and its anomalies (a dimensional monitor is switched off instead: 409)', tag: 'anomalies' },
  {
    method: 'get',
    path: '/api/v1/anomaly-monitors/{id}/series',
    summary: 'A monitor’s daily spend over [from, to] (inclusive) with the expected value, the expected band and the anomalous days',
    query: ZAnomalySeriesQuery,
    response: ZAnomalySeries,
    tag: 'anomalies',
  },
];
