// AWS bill of the demo, as AWS's FOCUS export would show it: EKS on EC2 for the application, load
// balancing, S3 for topographic data, data transfer, Business support, a Savings Plan, Activate
// credits and French VAT. Paris (eu-west-3) throughout, with an S3 replica in Frankfurt.
import { addUtcDays } from '../dates';
import type { TFocusRecord } from '../focus/types';
import { addDecimals, multiplyDecimal } from '../money/decimal';
import { billedDays, billedMonths, type TDemoDay, type TDemoModel } from './model';
import { charge, type TDemoCharge, type TDemoProvider } from './record';

export const AWS_PROVIDER: TDemoProvider = {
  providerName: 'AWS',
  publisherName: 'Amazon Web Services, Inc.',
  invoiceIssuerName: 'Amazon Web Services EMEA SARL, succursale française',
  billingAccountId: '418295736410',
  billingAccountName: 'europe-cyclisme',
  billingCurrency: 'USD',
};
export const AWS_PROD = { id: '527364918203', name: 'ec-prod' };
export const AWS_STAGING = { id: '639402817564', name: 'ec-staging' };
const PARIS = { id: 'eu-west-3', name: 'Europe (Paris)' };
const FRANKFURT = { id: 'eu-central-1', name: 'Europe (Frankfurt)' };

const EC2 = 'Amazon Elastic Compute Cloud';
const EKS = 'Amazon Elastic Kubernetes Service';
const ELB = 'Elastic Load Balancing';
const S3 = 'Amazon Simple Storage Service';
const TRANSFER = 'AWS Data Transfer';
const BACKUP = 'AWS Backup';

// On-demand list prices in eu-west-3 (USD)
const PRICE = {
  m6iXlarge: '0.224',
  m6iXlargeSavingsPlan: '0.16128', // 1-year no-upfront Compute Savings Plan rate (-28 %)
  t3Large: '0.0944',
  gp3: '0.0928',
  eks: '0.10',
  albHour: '0.02646',
  lcuHour: '0.0084',
  s3Standard: '0.024',
  s3StandardIa: '0.0131',
  s3StandardIaFrankfurt: '0.0135',
  s3Get: '0.00000042',
  s3Put: '0.0000053',
  transferOut: '0.09',
  natHour: '0.048',
  natGb: '0.048',
  transferInterRegion: '0.02',
  c6i2xlarge: '0.384',
  backupWarm: '0.05',
};

// Two anomalies planted for anomaly detection to find: a load-test fleet left running in staging for two days
// (a spike), and the nightly backups stopping for four days after an IAM role change (a drop).
export const PLANTED = {
  spike: { fromDaysAgo: 6, days: 2, instances: 10 },
  backupStop: { fromDaysAgo: 13, days: 4 },
};
const daysAgo = (model: TDemoModel, day: TDemoDay) => Math.round((model.end.getTime() - day.date.getTime()) / 86_400_000);
const SP_BASELINE_NODES = 3;
// Only the historical elevation archive went to Standard-IA at the migration; the new tiles all stay in Standard.
const IA_SHARE = 0.25;
const SAVINGS_PLAN = {
  id: 'arn:aws:savingsplans::418295736410:savingsplan/2f6b8c1e-7d3a-4e59-9b0c-5a1d2e3f4c6b',
  category: 'Spend' as const,
  type: 'Savings Plan',
};
const sku = (id: string, rate = '6YS6EN2CT7') => ({ id, priceId: `${id}.JRTCKXETXF.${rate}` });
const NODEGROUP = (account: string, cluster: string) =>
  `arn:aws:eks:eu-west-3:${account}:nodegroup/${cluster}/app-nodes/6ec5b2a4-91d3-0f7e-3b2c-8a9d4e1f5c70`;

function dailyUsage(model: TDemoModel, day: TDemoDay, previous: TDemoDay | undefined): TDemoCharge[] {
  const start = day.date;
  const end = addUtcDays(start, 1);
  const isEstimated = day.date >= addUtcDays(model.end, -2);
  const prod = { provider: AWS_PROVIDER, start, end, subAccount: AWS_PROD, region: PARIS, env: 'prod' as const, isEstimated };
  const staging = { ...prod, subAccount: AWS_STAGING, env: 'staging' as const };
  const covered = day.date >= model.phases.savingsPlanStart ? Math.min(SP_BASELINE_NODES * 24, day.nodeHours) : 0;
  const rows: TDemoCharge[] = [
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.m6iXlarge} per On Demand Linux m6i.xlarge Instance Hour`,
      service: EC2,
      serviceCategory: 'Compute',
      resource: { id: NODEGROUP(AWS_PROD.id, 'ec-prod'), name: 'ec-prod/app-nodes', type: 'Instance' },
      sku: sku('7WVK4XHSDKCTP5FF'),
      quantity: day.nodeHours - covered,
      unit: 'Hours',
      listUnitPrice: PRICE.m6iXlarge,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.gp3} per GB-month of General Purpose (gp3) provisioned storage - EU (Paris)`,
      service: EC2,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:ec2:eu-west-3:527364918203:volume/ec-prod-gp3', name: 'ec-prod EBS volumes', type: 'Volume' },
      sku: sku('HYCPAAF3Q6D2PN4X', 'Z3W6ZPAX2W'),
      quantity: (day.avgNodes * 80 + 250) / day.daysInMonth,
      unit: 'GB-Mo',
      listUnitPrice: PRICE.gp3,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.eks} per hour per Kubernetes cluster`,
      service: EKS,
      serviceCategory: 'Compute',
      resource: { id: 'arn:aws:eks:eu-west-3:527364918203:cluster/ec-prod', name: 'ec-prod', type: 'Cluster' },
      sku: sku('BPD8MB4NRHF5SMJK'),
      quantity: 24,
      unit: 'Hours',
      listUnitPrice: PRICE.eks,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.albHour} per Application LoadBalancer-hour (or partial hour)`,
      service: ELB,
      serviceCategory: 'Networking',
      resource: { id: 'arn:aws:elasticloadbalancing:eu-west-3:527364918203:loadbalancer/app/ec-prod-ingress/5d2e8a1f9b3c7d40', name: 'ec-prod-ingress', type: 'LoadBalancer' },
      sku: sku('X9ZJ2Q7G7E5DCMJY'),
      quantity: 24,
      unit: 'Hours',
      listUnitPrice: PRICE.albHour,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.lcuHour} per used Application load balancer capacity unit-hour (or partial hour)`,
      service: ELB,
      serviceCategory: 'Networking',
      resource: { id: 'arn:aws:elasticloadbalancing:eu-west-3:527364918203:loadbalancer/app/ec-prod-ingress/5d2e8a1f9b3c7d40', name: 'ec-prod-ingress', type: 'LoadBalancer' },
      sku: sku('RXJ5PA7ZVYCD6MGE'),
      quantity: 24 * Math.max(0.5, day.requests / 86_400 / 25 + day.originGb / 24),
      unit: 'LCU-Hrs',
      listUnitPrice: PRICE.lcuHour,
    },
    {
      ...prod,
      team: 'data',
      description: `$${PRICE.s3Standard} per GB - first 50 TB / month of storage used`,
      service: S3,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:s3:::ec-topo-tiles-prod', name: 'ec-topo-tiles-prod', type: 'Bucket' },
      sku: sku('8KTNBUTM5JZ9SPRQ', 'PGHJ3S3EYE'),
      quantity: (day.topoGb * (1 - IA_SHARE * day.dataProgress)) / day.daysInMonth,
      unit: 'GB-Mo',
      listUnitPrice: PRICE.s3Standard,
    },
    {
      ...prod,
      team: 'data',
      description: '$0.00042 per 1,000 GET and all other requests',
      service: S3,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:s3:::ec-topo-tiles-prod', name: 'ec-topo-tiles-prod', type: 'Bucket' },
      sku: sku('WP9ANXZGBYYSGJEA', 'CFE2DSTEUE'),
      quantity: Math.round(day.cdnRequests * (1 - day.cacheHitRatio) * 0.6),
      unit: 'Requests',
      listUnitPrice: PRICE.s3Get,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.transferOut} per GB - first 10 TB / month data transfer out beyond the global free tier`,
      service: TRANSFER,
      serviceCategory: 'Networking',
      sku: sku('GNDRCWXUDC8WJ9EV', 'Q7ZEHVZQPJ'),
      quantity: day.originGb,
      unit: 'GB',
      listUnitPrice: PRICE.transferOut,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.natHour} per NAT Gateway Hour`,
      service: EC2,
      serviceCategory: 'Networking',
      resource: { id: 'arn:aws:ec2:eu-west-3:527364918203:natgateway/ec-prod', name: 'ec-prod NAT gateways (3 AZ)', type: 'NatGateway' },
      sku: sku('M2YSHUBETB3JX4M4'),
      quantity: 3 * 24,
      unit: 'Hours',
      listUnitPrice: PRICE.natHour,
    },
    {
      ...prod,
      team: 'platform',
      description: `$${PRICE.natGb} per GB Data Processed by NAT Gateways`,
      service: EC2,
      serviceCategory: 'Networking',
      resource: { id: 'arn:aws:ec2:eu-west-3:527364918203:natgateway/ec-prod', name: 'ec-prod NAT gateways (3 AZ)', type: 'NatGateway' },
      sku: sku('DWFMAJCA7Y9AGFK5', 'JM9W8XTDKQ'),
      quantity: day.natGb,
      unit: 'GB',
      listUnitPrice: PRICE.natGb,
    },
    {
      ...staging,
      team: 'platform',
      description: `$${PRICE.t3Large} per On Demand Linux t3.large Instance Hour`,
      service: EC2,
      serviceCategory: 'Compute',
      resource: { id: NODEGROUP(AWS_STAGING.id, 'ec-staging'), name: 'ec-staging/app-nodes', type: 'Instance' },
      sku: sku('ZFFRQN4SQ5NPC3C8'),
      quantity: day.stagingNodes * 24,
      unit: 'Hours',
      listUnitPrice: PRICE.t3Large,
    },
    {
      ...staging,
      team: 'platform',
      description: `$${PRICE.gp3} per GB-month of General Purpose (gp3) provisioned storage - EU (Paris)`,
      service: EC2,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:ec2:eu-west-3:639402817564:volume/ec-staging-gp3', name: 'ec-staging EBS volumes', type: 'Volume' },
      sku: sku('HYCPAAF3Q6D2PN4X', 'Z3W6ZPAX2W'),
      quantity: (day.stagingNodes * 50 + 100) / day.daysInMonth,
      unit: 'GB-Mo',
      listUnitPrice: PRICE.gp3,
    },
    {
      ...staging,
      team: 'platform',
      description: `$${PRICE.eks} per hour per Kubernetes cluster`,
      service: EKS,
      serviceCategory: 'Compute',
      resource: { id: 'arn:aws:eks:eu-west-3:639402817564:cluster/ec-staging', name: 'ec-staging', type: 'Cluster' },
      sku: sku('BPD8MB4NRHF5SMJK'),
      quantity: 24,
      unit: 'Hours',
      listUnitPrice: PRICE.eks,
    },
  ];

  if (covered > 0) {
    rows.push(
      {
        ...prod,
        team: 'platform',
        description: 'Savings Plan covered usage: Linux m6i.xlarge Instance Hour in EU (Paris)',
        service: EC2,
        serviceCategory: 'Compute',
        resource: { id: NODEGROUP(AWS_PROD.id, 'ec-prod'), name: 'ec-prod/app-nodes', type: 'Instance' },
        sku: sku('7WVK4XHSDKCTP5FF'),
        pricingCategory: 'Committed',
        quantity: covered,
        unit: 'Hours',
        listUnitPrice: PRICE.m6iXlarge,
        effectiveUnitPrice: PRICE.m6iXlargeSavingsPlan,
        billedZero: true,
        commitment: { ...SAVINGS_PLAN, status: 'Used' },
      },
      {
        ...prod,
        region: null,
        team: 'platform',
        category: 'Purchase',
        frequency: 'Recurring',
        description: `Savings Plan recurring fee: $${multiplyDecimal(PRICE.m6iXlargeSavingsPlan, String(SP_BASELINE_NODES))} hourly commitment`,
        service: 'Savings Plans for AWS Compute usage',
        serviceCategory: 'Compute',
        resource: { id: SAVINGS_PLAN.id, name: 'compute-sp-1y', type: 'SavingsPlan' },
        // amortised into the covered usage above, so its effective cost is 0 (FOCUS)
        amount: { billed: multiplyDecimal(PRICE.m6iXlargeSavingsPlan, String(SP_BASELINE_NODES * 24)), effective: '0', list: '0' },
        commitment: { ...SAVINGS_PLAN, status: 'Used' },
      },
    );
  }

  if (day.replicaGb > 0) {
    rows.push({
      ...prod,
      region: FRANKFURT,
      team: 'data',
      description: `$${PRICE.s3StandardIaFrankfurt} per GB-month of storage used in Standard-Infrequent Access`,
      service: S3,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:s3:::ec-topo-tiles-replica-fra', name: 'ec-topo-tiles-replica-fra', type: 'Bucket' },
      sku: sku('Q4DWPRS5U3XBA2HF', 'PGHJ3S3EYE'),
      quantity: day.replicaGb / day.daysInMonth,
      unit: 'GB-Mo',
      listUnitPrice: PRICE.s3StandardIaFrankfurt,
    });
    rows.push({
      ...prod,
      team: 'data',
      description: `$${PRICE.transferInterRegion} per GB - EU (Paris) data transfer to EU (Frankfurt)`,
      service: TRANSFER,
      serviceCategory: 'Networking',
      sku: sku('HQEH3ZWJVT46JHRG', 'Q7ZEHVZQPJ'),
      quantity: Math.max(0, day.replicaGb - (previous?.replicaGb ?? 0)) + 1.5,
      unit: 'GB',
      listUnitPrice: PRICE.transferInterRegion,
    });
  }
  const ago = daysAgo(model, day);
  if (ago <= PLANTED.spike.fromDaysAgo && ago > PLANTED.spike.fromDaysAgo - PLANTED.spike.days) {
    rows.push({
      ...staging,
      team: 'platform',
      description: `$${PRICE.c6i2xlarge} per On Demand Linux c6i.2xlarge Instance Hour`,
      service: EC2,
      serviceCategory: 'Compute',
      resource: { id: 'arn:aws:ec2:eu-west-3:639402817564:fleet/fleet-loadtest-7c1e', name: 'ec-staging load-test fleet', type: 'Instance' },
      sku: sku('K8Q2C6IXL2PARIS1'),
      quantity: PLANTED.spike.instances * 24,
      unit: 'Hours',
      listUnitPrice: PRICE.c6i2xlarge,
    });
  }
  // backups of the migrated data, from the data migration on
  const backupStopped = ago <= PLANTED.backupStop.fromDaysAgo && ago > PLANTED.backupStop.fromDaysAgo - PLANTED.backupStop.days;
  if (day.dataProgress > 0 && !backupStopped) {
    rows.push({
      ...prod,
      team: 'data',
      description: `$${PRICE.backupWarm} per GB-month of warm backup storage - EU (Paris)`,
      service: BACKUP,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:backup:eu-west-3:527364918203:backup-vault:ec-prod-vault', name: 'ec-prod-vault', type: 'BackupVault' },
      sku: sku('BKPWARMPARIS0001', 'PGHJ3S3EYE'),
      quantity: (18_000 * day.dataProgress) / day.daysInMonth,
      unit: 'GB-Mo',
      listUnitPrice: PRICE.backupWarm,
    });
  }
  if (day.dataProgress > 0) {
    rows.push({
      ...prod,
      team: 'data',
      description: `$${PRICE.s3StandardIa} per GB-month of storage used in Standard-Infrequent Access`,
      service: S3,
      serviceCategory: 'Storage',
      resource: { id: 'arn:aws:s3:::ec-topo-tiles-prod', name: 'ec-topo-tiles-prod', type: 'Bucket' },
      sku: sku('6HVJ7CSZ8S4WM2QF', 'PGHJ3S3EYE'),
      quantity: (day.topoGb * IA_SHARE * day.dataProgress) / day.daysInMonth,
      unit: 'GB-Mo',
      listUnitPrice: PRICE.s3StandardIa,
    });
    const newGb = Math.max(0, day.topoGb - (previous?.topoGb ?? day.topoGb));
    if (newGb > 1) {
      rows.push({
        ...prod,
        team: 'data',
        description: '$0.0053 per 1,000 PUT, COPY, POST, or LIST requests',
        service: S3,
        serviceCategory: 'Storage',
        resource: { id: 'arn:aws:s3:::ec-topo-tiles-prod', name: 'ec-topo-tiles-prod', type: 'Bucket' },
        sku: sku('6HH2QNPQ5MKBTUVE', 'CFE2DSTEUE'),
        quantity: Math.round(newGb * 2000), // ~500 KB per tile
        unit: 'Requests',
        listUnitPrice: PRICE.s3Put,
      });
    }
  }
  return rows.filter((r) => r.amount || (r.quantity ?? 0) > 0);
}

export function awsCosts(model: TDemoModel): TFocusRecord[] {
  const out: TFocusRecord[] = [];
  const days = billedDays(model);
  const byDay = new Map<number, TFocusRecord[]>();
  days.forEach((day, i) => byDay.set(day.date.getTime(), dailyUsage(model, day, days[i - 1]).map(charge)));
  for (const rows of byDay.values()) out.push(...rows);

  for (const [i, month] of billedMonths(model).entries()) {
    const monthRows = month.days.flatMap((d) => byDay.get(d.date.getTime()) ?? []);
    const extra: TFocusRecord[] = [];
    const monthCharge = { provider: AWS_PROVIDER, start: month.start, end: month.end, subAccount: AWS_PROD, env: 'prod' as const };
    if (i < 3) {
      // AWS Activate credits running out over the first months of the window
      extra.push(
        charge({
          ...monthCharge,
          team: 'platform',
          category: 'Credit',
          description: 'AWS Activate Founders credit',
          service: EC2,
          serviceCategory: 'Compute',
          amount: { billed: '-100', effective: '-100', list: '0' },
        }),
      );
    }
    if (month.complete) {
      // Business support: the greater of $100 and 10 % of the month's usage
      const usage = addDecimals(...monthRows.map((r) => r.billedCost));
      const tenPercent = multiplyDecimal(usage, '0.1', 2);
      const support = Number(tenPercent) > 100 ? tenPercent : '100';
      extra.push(
        charge({
          ...monthCharge,
          team: 'sre',
          category: 'Purchase',
          frequency: 'Recurring',
          description: 'AWS Support (Business): greater of $100 or 10% of monthly AWS usage',
          service: 'AWS Support (Business)',
          serviceCategory: 'Other',
          amount: { billed: support },
        }),
      );
      // French VAT on the month's invoice, one line per service and account as AWS itemises it
      const taxable = new Map<string, { rows: TFocusRecord[] }>();
      for (const r of [...monthRows, ...extra]) {
        const key = `${r.serviceName}\u0000${r.subAccountId}`;
        const entry = taxable.get(key) ?? { rows: [] };
        entry.rows.push(r);
        taxable.set(key, entry);
      }
      for (const { rows } of taxable.values()) {
        const base = addDecimals(...rows.map((r) => r.billedCost));
        if (Number(base) <= 0) continue;
        const first = rows[0];
        const vat = multiplyDecimal(base, '0.2', 2);
        extra.push(
          charge({
            ...monthCharge,
            subAccount: { id: first.subAccountId ?? AWS_PROD.id, name: first.subAccountName ?? AWS_PROD.name },
            env: first.tags?.env === 'staging' ? 'staging' : 'prod',
            team: first.tags?.team ?? 'platform',
            category: 'Tax',
            frequency: 'Recurring',
            description: 'VAT 20% (France)',
            service: first.serviceName ?? EC2,
            serviceCategory: first.serviceCategory ?? 'Other',
            amount: { billed: vat },
          }),
        );
      }
    }
    out.push(...extra);
  }
  return out;
}
