// Object storage: lifecycle rules moving cold Standard bytes to Infrequent Access and Glacier Instant Retrieval.
import { fixedSavings, fmt, missing, missingCollection, pct, possessive, recommend } from '../build';
import { round } from '../stats';
import { S3_ARCHIVE_MIN_DAYS, S3_IA_MIN_DAYS, S3_MIN_OBJECT_KB, S3_RETRIEVAL_PER_GB, thresholdsOf, type TThresholds } from '../thresholds';
import type { TBucketFacts, TRule, TRuleOutcome } from '../types';

const LIFECYCLE = { id: 'storage-lifecycle', version: 1, kind: 'object-storage' } as const;

function evaluateLifecycle(b: TBucketFacts, now: Date, t: TThresholds): TRuleOutcome {
  const lacking = [
    ...(b.storageClassGB ? [] : ['storageClassGB']),
    ...(b.standardAgeGB ? [] : ['standardAgeGB']),
    ...(b.prices ? [] : ['prices']),
  ];
  if (lacking.length > 0 || !b.storageClassGB || !b.standardAgeGB || !b.prices) return missing(b.resource, lacking);
  const { standard, infrequent, archive } = b.storageClassGB;
  const total = standard + infrequent + archive;
  const standardShare = total > 0 ? standard / total : 0;
  if (standardShare <= t.s3StandardShare) return { resource: b.resource, recommendations: [] };
  // Objects under 128 KB would be billed as 128 KB in IA and Glacier IR: the rule filters them out.
  const large = 1 - (b.smallObjectShare ?? 0);
  const lifetime = b.typicalLifetimeDays ?? null;
  // A class is worth it only when objects outlive the transition plus the class's minimum billed duration.
  const iaOk = lifetime === null || lifetime >= t.s3IaAfterDays + S3_IA_MIN_DAYS;
  const archiveOk = lifetime === null || lifetime >= t.s3ArchiveAfterDays + S3_ARCHIVE_MIN_DAYS;
  const over90 = Math.min(b.standardAgeGB.over90Days, b.standardAgeGB.over30Days);
  const iaGB = iaOk ? (b.standardAgeGB.over30Days - (archiveOk ? over90 : 0)) * large : 0;
  const archiveGB = archiveOk ? over90 * large : 0;
  if (iaGB + archiveGB <= 0) return { resource: b.resource, recommendations: [] };
  const p = { standard: Number(b.prices.standard), infrequent: Number(b.prices.infrequent), archive: Number(b.prices.archive) };
  const cold = iaGB + archiveGB;
  const reads = b.coldReadsGBPerMonth ?? 0;
  // Reads fall on the moved bytes in proportion to where they went.
  const retrieval = reads * ((iaGB / cold) * S3_RETRIEVAL_PER_GB.infrequent + (archiveGB / cold) * S3_RETRIEVAL_PER_GB.archive);
  const saving = iaGB * (p.standard - p.infrequent) + archiveGB * (p.standard - p.archive) - retrieval;
  if (saving <= 0) return { resource: b.resource, recommendations: [] };
  const steps = [
    ...(iaGB > 0 ? [`to Infrequent Access after ${t.s3IaAfterDays} days (${fmt(iaGB)} GB)`] : []),
    ...(archiveGB > 0 ? [`to Glacier Instant Retrieval after ${t.s3ArchiveAfterDays} days (${fmt(archiveGB)} GB)`] : []),
  ];
  return {
    resource: b.resource,
    recommendations: [
      recommend(LIFECYCLE, {
        resource: b.resource,
        action: {
          type: 'lifecycle',
          params: { infrequentAfterDays: iaGB > 0 ? t.s3IaAfterDays : null, archiveAfterDays: archiveGB > 0 ? t.s3ArchiveAfterDays : null, minObjectKB: S3_MIN_OBJECT_KB },
        },
        text:
          `${pct(standardShare)} of ${possessive(b.resource.name)} ${fmt(total)} GB sit in Standard: add a lifecycle rule moving objects over ${S3_MIN_OBJECT_KB} KB ${steps.join(' and ')}. ` +
          `It respects the classes' minimum durations (${S3_IA_MIN_DAYS} and ${S3_ARCHIVE_MIN_DAYS} days)` +
          (reads > 0 ? ` and pays ${fmt(retrieval, 2)} ${b.currency} a month to read ${fmt(reads)} GB back.` : '.'),
        message: {
          key: 'storageLifecycle',
          params: { bucket: b.resource.name, standardShare: round(standardShare, 3), totalGB: round(total, 1), infrequentGB: round(iaGB, 1), archiveGB: round(archiveGB, 1), infrequentAfterDays: t.s3IaAfterDays, archiveAfterDays: t.s3ArchiveAfterDays, minObjectKB: S3_MIN_OBJECT_KB, retrievalCost: round(retrieval, 2) },
        },
        evidence: [
          { metric: 'standardShare', value: round(standardShare, 3), unit: 'ratio', threshold: t.s3StandardShare, comparison: 'above', source: 'issue 14: most bytes in Standard' },
          { metric: 'standardOver30DaysGB', value: round(b.standardAgeGB.over30Days, 1), unit: 'GB', threshold: t.s3IaAfterDays, source: 'S3 lifecycle: 30 days in Standard before IA' },
          { metric: 'standardOver90DaysGB', value: round(over90, 1), unit: 'GB', threshold: t.s3ArchiveAfterDays, source: 'Glacier IR: 90-day minimum' },
          { metric: 'smallObjectShare', value: round(b.smallObjectShare ?? 0, 3), unit: 'ratio', threshold: S3_MIN_OBJECT_KB, source: 'IA and Glacier IR bill objects under 128 KB as 128 KB' },
        ],
        monthlySavings: fixedSavings(saving),
        currency: b.currency,
        risks: [
          { level: 'low', text: 'Each transition is a billed request (per 1,000 objects), paid once; reads of moved objects pay a retrieval fee per GB.', message: { key: 'riskLifecycleRequests', params: {} } },
        ],
        lookback: { days: 0, from: now.toISOString(), to: now.toISOString(), completeness: 1 },
      }),
    ],
  };
}

export const storageLifecycleRule: TRule = {
  ...LIFECYCLE,
  needs: ['buckets'],
  evaluate(facts, now) {
    const t = thresholdsOf(facts.thresholds);
    if (!facts.buckets) return missingCollection('buckets');
    return facts.buckets.map((b) => evaluateLifecycle(b, now, t));
  },
};
