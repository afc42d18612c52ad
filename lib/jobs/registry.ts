// Every job the worker runs, registered in one place.
import { compactDataChangesJob } from './definitions/compact-data-changes';
import { detectAnomaliesJob } from './definitions/detect-anomalies';
import { pullBusinessMetricsJob } from './definitions/pull-business-metrics';
import { deliverNotificationJob } from './definitions/deliver-notification';
import { ensurePartitionsJob } from './definitions/ensure-partitions';
import { reportSchedulerJob, reportSendJob } from './definitions/report-jobs';
import { syncConnectionJob } from './definitions/sync-connection';
import { syncSchedulerJob } from './definitions/sync-scheduler';
import { sweepInterruptedRunsJob } from './definitions/sweep-interrupted-runs';
import { evaluateBudgetsJob } from './definitions/evaluate-budgets';
import { refreshRecommendationsJob } from './definitions/refresh-recommendations';
import { sendNotificationDigestJob } from './definitions/send-notification-digest';
import type { TJobDefinition } from './types';

// Handlers are typed per job; the registry only needs them as opaque definitions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const JOBS: TJobDefinition<any>[] = [
  ensurePartitionsJob,
  compactDataChangesJob,
  syncConnectionJob,
  syncSchedulerJob,
  sweepInterruptedRunsJob,
  evaluateBudgetsJob,
  detectAnomaliesJob,
  pullBusinessMetricsJob,
  refreshRecommendationsJob,
  deliverNotificationJob,
  sendNotificationDigestJob,
  reportSchedulerJob,
  reportSendJob,
];
