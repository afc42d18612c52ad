// A local stand-in for AWS Cost Explorer (and STS AssumeRole) speaking their wire protocols:
// JSON 1.1 over `POST /` with `x-amz-target: AWSInsightsIndexService.<Operation>` and a SigV4
// `authorization` header, errors as `{"__type": "...#Name", "message": "..."}`. It answers from a
// list of line items (day, account, region, service, usage type, record type, costs), honouring
// GroupBy, Filter (And/Or/Not/Dimensions) and NextPageToken, so totals can be checked end to end.
// Tests script faults (throttles, HTTP 500, malformed JSON, a mutated payload, rejected keys) and
// read back every request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TFakeLineItem = {
  day: string; // YYYY-MM-DD
  account: string;
  region: string;
  service: string;
  usageType: string;
  recordType: string;
  unblended: string; // decimal, at most 10 fraction digits
  amortized: string;
  quantity: string;
  unit: string;
};

export type TRecordedRequest = {
  op: string;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  accessKeyId?: string;
};

type TFaultKind = 'throttle' | 'limit' | 'http500' | 'malformed' | 'mutate' | 'dataUnavailable';
type TFault = { kind: TFaultKind; op?: string; remaining: number; mutate?: (body: Record<string, unknown>) => void };

type TExpression = {
  And?: TExpression[];
  Or?: TExpression[];
  Not?: TExpression;
  Dimensions?: { Key: string; Values: string[] };
};

const SCALE = 10n ** 10n;
const FIELD: Record<string, keyof TFakeLineItem> = {
  SERVICE: 'service',
  USAGE_TYPE: 'usageType',
  LINKED_ACCOUNT: 'account',
  REGION: 'region',
  RECORD_TYPE: 'recordType',
};

function toUnits(amount: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{0,10}))?$/.exec(amount);
  if (!m) throw new Error(`fake line item amount must have at most 10 decimals: ${amount}`);
  const units = BigInt(m[2]) * SCALE + BigInt((m[3] ?? '').padEnd(10, '0'));
  return m[1] ? -units : units;
}

export function formatUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const frac = (abs % SCALE).toString().padStart(10, '0').replace(/0+$/, '');
  const text = `${abs / SCALE}${frac ? `.${frac}` : ''}`;
  return negative && text !== '0' ? `-${text}` : text;
}

function addDay(day: string, n = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function awsError(res: http.ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify({ __type: `com.amazonaws.ce#${type}`, message }));
}

export class FakeCostExplorer {
  readonly requests: TRecordedRequest[] = [];
  items: TFakeLineItem[];
  accountNames: Record<string, string>;
  estimated: Set<string>;
  pageSize: number;
  readonly rejectedKeys = new Set<string>();
  private faults: TFault[] = [];
  private server!: http.Server;
  url = '';

  private constructor(options: TFakeCostExplorerOptions) {
    this.items = options.items ?? [];
    this.accountNames = options.accountNames ?? {};
    this.estimated = new Set(options.estimatedDays ?? []);
    this.pageSize = options.pageSize ?? 1000;
  }

  static async start(options: TFakeCostExplorerOptions = {}): Promise<FakeCostExplorer> {
    const fake = new FakeCostExplorer(options);
    fake.server = http.createServer((req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  // ── scripting ──
  throttle(times: number, options: { op?: string; type?: 'ThrottlingException' | 'LimitExceededException' } = {}) {
    this.faults.push({ kind: options.type === 'ThrottlingException' ? 'throttle' : 'limit', op: options.op, remaining: times });
  }
  failWithHttp500(times = 1, op?: string) {
    this.faults.push({ kind: 'http500', op, remaining: times });
  }
  sendMalformedJson(times = 1, op?: string) {
    this.faults.push({ kind: 'malformed', op, remaining: times });
  }
  // Changes the next response of `op` before it is sent (e.g. delete a required field).
  mutateNext(op: string, mutate: (body: Record<string, unknown>) => void) {
    this.faults.push({ kind: 'mutate', op, remaining: 1, mutate });
  }
  dataUnavailable(op: string, times = 1) {
    this.faults.push({ kind: 'dataUnavailable', op, remaining: times });
  }
  rejectCredentials(accessKeyId: string) {
    this.rejectedKeys.add(accessKeyId);
  }
  // Cost Explorer finalises a month's days some days after it closes, sometimes with corrections.
  markFinal(days: Iterable<string>) {
    for (const d of days) this.estimated.delete(d);
  }

  calls(op: string): TRecordedRequest[] {
    return this.requests.filter((r) => r.op === op);
  }

  // The day's total as the bill has it, computed from the line items (not through the API).
  totalFor(day: string): { unblended: string; amortized: string } {
    let unblended = 0n;
    let amortized = 0n;
    for (const i of this.items)
      if (i.day === day) {
        unblended += toUnits(i.unblended);
        amortized += toUnits(i.amortized);
      }
    return { unblended: formatUnits(unblended), amortized: formatUnits(amortized) };
  }

  // ── protocol ──
  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const auth = req.headers.authorization ?? '';
      const accessKeyId = /Credential=([^/]+)\//.exec(auth)?.[1];
      if (String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        return this.handleSts(text, accessKeyId, req, res);
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.startsWith('AWSInsightsIndexService.') ? target.slice('AWSInsightsIndexService.'.length) : '';
      let body: Record<string, unknown> = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return awsError(res, 400, 'SerializationException', 'Request body is not JSON');
      }
      this.requests.push({ op, body, headers: req.headers, accessKeyId });
      if (req.method !== 'POST' || !op) return awsError(res, 400, 'UnknownOperationException', `Unknown target ${target}`);
      if (!auth.startsWith('AWS4-HMAC-SHA256 Credential=') || !req.headers['x-amz-date'])
        return awsError(res, 400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      if (accessKeyId && this.rejectedKeys.has(accessKeyId))
        return awsError(res, 400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      const fault = this.takeFault(op);
      if (fault?.kind === 'limit') return awsError(res, 400, 'LimitExceededException', 'Rate exceeded');
      if (fault?.kind === 'throttle') return awsError(res, 400, 'ThrottlingException', 'Rate exceeded');
      if (fault?.kind === 'dataUnavailable')
        return awsError(res, 400, 'DataUnavailableException', 'Data is not available. Please try to adjust the time period.');
      if (fault?.kind === 'http500') {
        res.writeHead(500, { 'content-type': 'text/html' });
        return res.end('<html><body>Internal Server Error</body></html>');
      }
      if (fault?.kind === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        return res.end('{"ResultsByTime": [{"TimePeriod": {"Start": "20');
      }
      let payload: Record<string, unknown>;
      try {
        payload = this.answer(op, body);
      } catch (e) {
        return awsError(res, 400, 'ValidationException', (e as Error).message);
      }
      fault?.mutate?.(payload);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(payload));
    });
  }

  private takeFault(op: string): TFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.op || f.op === op));
    if (fault) fault.remaining--;
    return fault;
  }

  private handleSts(text: string, accessKeyId: string | undefined, req: http.IncomingMessage, res: http.ServerResponse) {
    const params = Object.fromEntries(new URLSearchParams(text));
    this.requests.push({ op: `sts:${params.Action}`, body: params, headers: req.headers, accessKeyId });
    const xmlError = (code: string, message: string) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code>` +
          `<Message>${message}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`,
      );
    };
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) return xmlError('MissingAuthenticationToken', 'Request is missing Authentication Token');
    if (accessKeyId && this.rejectedKeys.has(accessKeyId)) return xmlError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    if (params.Action !== 'AssumeRole') return xmlError('InvalidAction', `Unsupported action ${params.Action}`);
    const expiration = new Date(Date.now() + 3600_000).toISOString();
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
        `<AssumedRoleUser><Arn>${params.RoleArn}/${params.RoleSessionName}</Arn><AssumedRoleId>AROAFAKE:${params.RoleSessionName}</AssumedRoleId></AssumedRoleUser>` +
        `<Credentials><AccessKeyId>ASIAFAKEASSUMED00001</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey>` +
        `<SessionToken>assumed-session-token</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
        `</AssumeRoleResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></AssumeRoleResponse>`,
    );
  }

  private answer(op: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (op) {
      case 'GetCostAndUsage':
        return this.costAndUsage(body);
      case 'GetCostForecast':
        return this.forecast(body);
      case 'GetReservationPurchaseRecommendation':
        return reservationRecommendation(body);
      case 'GetSavingsPlansPurchaseRecommendation':
        return savingsPlansRecommendation(body);
      case 'GetReservationUtilization':
        return reservationUtilization(body);
      case 'GetReservationCoverage':
        return reservationCoverage(body);
      default:
        throw new Error(`operation ${op} is not supported by the fake`);
    }
  }

  private costAndUsage(body: Record<string, unknown>) {
    const period = body.TimePeriod as { Start: string; End: string } | undefined;
    if (!period?.Start || !period.End || period.Start >= period.End) throw new Error('TimePeriod Start must be before End');
    if (body.Granularity !== 'DAILY') throw new Error('the fake answers DAILY granularity only');
    const metrics = body.Metrics as string[] | undefined;
    if (!metrics?.length) throw new Error('Metrics is required');
    const groupBy = ((body.GroupBy as { Key: string }[] | undefined) ?? []).map((g) => g.Key);
    if (groupBy.length > 2) throw new Error('You can group by at most two dimensions');
    const filter = body.Filter as TExpression | undefined;
    const items = this.items.filter((i) => i.day >= period.Start && i.day < period.End && (!filter || matches(i, filter)));
    const days: string[] = [];
    for (let d = period.Start; d < period.End; d = addDay(d)) days.push(d);
    const result = (day: string, groups: unknown[], total: Record<string, unknown>) => ({
      TimePeriod: { Start: day, End: addDay(day) },
      Total: total,
      Groups: groups,
      Estimated: this.estimated.has(day),
    });
    if (!groupBy.length)
      return { ResultsByTime: days.map((d) => result(d, [], metricValues(metrics, items.filter((i) => i.day === d)))), DimensionValueAttributes: [] };

    // (day, keys) entries in a stable order; a page holds `pageSize` of them, every day present
    const entries: { day: string; keys: string[]; items: TFakeLineItem[] }[] = [];
    for (const day of days) {
      const byKeys = new Map<string, TFakeLineItem[]>();
      for (const i of items)
        if (i.day === day) {
          const k = JSON.stringify(groupBy.map((g) => String(i[FIELD[g]])));
          byKeys.set(k, [...(byKeys.get(k) ?? []), i]);
        }
      for (const k of [...byKeys.keys()].sort()) entries.push({ day, keys: JSON.parse(k), items: byKeys.get(k)! });
    }
    const offset = body.NextPageToken ? Number(Buffer.from(String(body.NextPageToken), 'base64url').toString()) : 0;
    const page = entries.slice(offset, offset + this.pageSize);
    const next = offset + this.pageSize < entries.length ? Buffer.from(String(offset + this.pageSize)).toString('base64url') : undefined;
    const accounts = groupBy.includes('LINKED_ACCOUNT')
      ? [...new Set(page.map((e) => e.keys[groupBy.indexOf('LINKED_ACCOUNT')]))]
      : [];
    return {
      GroupDefinitions: groupBy.map((Key) => ({ Type: 'DIMENSION', Key })),
      ResultsByTime: days.map((d) =>
        result(
          d,
          page.filter((e) => e.day === d).map((e) => ({ Keys: e.keys, Metrics: metricValues(metrics, e.items) })),
          {},
        ),
      ),
      DimensionValueAttributes: accounts.map((a) => ({ Value: a, Attributes: { description: this.accountNames[a] ?? a } })),
      ...(next ? { NextPageToken: next } : {}),
    };
  }

  private forecast(body: Record<string, unknown>) {
    const period = body.TimePeriod as { Start: string; End: string };
    const months: string[] = [];
    for (let m = new Date(`${period.Start.slice(0, 7)}-01T00:00:00Z`); m.toISOString().slice(0, 10) < period.End; m.setUTCMonth(m.getUTCMonth() + 1))
      months.push(m.toISOString().slice(0, 10));
    const mean = 1234_5000000000n; // 1234.5 a month
    const results = months.map((m, i) => ({
      TimePeriod: { Start: i === 0 ? period.Start : m, End: months[i + 1] ?? period.End },
      MeanValue: formatUnits(mean),
      PredictionIntervalLowerBound: formatUnits((mean * 9n) / 10n),
      PredictionIntervalUpperBound: formatUnits((mean * 11n) / 10n),
    }));
    return { Total: { Amount: formatUnits(mean * BigInt(months.length)), Unit: 'USD' }, ForecastResultsByTime: results };
  }
}

export type TFakeCostExplorerOptions = {
  items?: TFakeLineItem[];
  accountNames?: Record<string, string>;
  estimatedDays?: Iterable<string>;
  pageSize?: number;
};

function matches(item: TFakeLineItem, e: TExpression): boolean {
  const fields = ['And', 'Or', 'Not', 'Dimensions'].filter((k) => k in e);
  if (fields.length !== 1) throw new Error('Expression must have exactly one of And, Or, Not, Dimensions');
  if (e.And) return e.And.every((x) => matches(item, x));
  if (e.Or) return e.Or.some((x) => matches(item, x));
  if (e.Not) return !matches(item, e.Not);
  const d = e.Dimensions!;
  const field = FIELD[d.Key];
  if (!field) throw new Error(`the fake does not filter on ${d.Key}`);
  return d.Values.includes(String(item[field]));
}

function metricValues(metrics: string[], items: TFakeLineItem[]) {
  const out: Record<string, { Amount: string; Unit: string }> = {};
  const sum = (f: (i: TFakeLineItem) => string) => formatUnits(items.reduce((s, i) => s + toUnits(f(i)), 0n));
  for (const m of metrics) {
    if (m === 'UnblendedCost') out[m] = { Amount: sum((i) => i.unblended), Unit: 'USD' };
    else if (m === 'AmortizedCost') out[m] = { Amount: sum((i) => i.amortized), Unit: 'USD' };
    else if (m === 'UsageQuantity') {
      const units = new Set(items.map((i) => i.unit));
      out[m] = { Amount: sum((i) => i.quantity), Unit: units.size === 1 ? [...units][0] : 'N/A' };
    } else throw new Error(`the fake does not compute ${m}`);
  }
  return out;
}

// ── payloads shaped like the API reference (values are illustrative) ──

function reservationRecommendation(body: Record<string, unknown>) {
  return {
    Metadata: { RecommendationId: `ri-${String(body.Service).length}`, GenerationTimestamp: '2026-11-24T06:00:00Z' },
    Recommendations: [
      {
        AccountScope: body.AccountScope ?? 'PAYER',
        LookbackPeriodInDays: body.LookbackPeriodInDays,
        TermInYears: body.TermInYears,
        PaymentOption: body.PaymentOption,
        ServiceSpecification: { EC2Specification: { OfferingClass: 'STANDARD' } },
        RecommendationDetails: [
          {
            AccountId: '111111111111',
            InstanceDetails: {
              EC2InstanceDetails: { Family: 'm6g', InstanceType: 'm6g.large', Region: 'eu-west-3', Platform: 'Linux/UNIX', Tenancy: 'shared', CurrentGeneration: true, SizeFlexEligible: true },
            },
            RecommendedNumberOfInstancesToPurchase: '2',
            AverageUtilization: '87.5',
            EstimatedBreakEvenInMonths: '0',
            CurrencyCode: 'USD',
            EstimatedMonthlySavingsAmount: '41.3',
            EstimatedMonthlySavingsPercentage: '29.1',
            EstimatedMonthlyOnDemandCost: '141.9',
            UpfrontCost: '0',
            RecurringStandardMonthlyCost: '100.6',
          },
        ],
        RecommendationSummary: { TotalEstimatedMonthlySavingsAmount: '41.3', TotalEstimatedMonthlySavingsPercentage: '29.1', CurrencyCode: 'USD' },
      },
    ],
  };
}

function savingsPlansRecommendation(body: Record<string, unknown>) {
  return {
    Metadata: { RecommendationId: 'sp-1', GenerationTimestamp: '2026-11-24T06:00:00Z', AdditionalMetadata: '' },
    SavingsPlansPurchaseRecommendation: {
      AccountScope: body.AccountScope ?? 'PAYER',
      SavingsPlansType: body.SavingsPlansType,
      TermInYears: body.TermInYears,
      PaymentOption: body.PaymentOption,
      LookbackPeriodInDays: body.LookbackPeriodInDays,
      SavingsPlansPurchaseRecommendationDetails: [
        {
          SavingsPlansDetails: { OfferingId: 'offering-1' },
          AccountId: '111111111111',
          UpfrontCost: '0',
          EstimatedROI: '24.2',
          CurrencyCode: 'USD',
          EstimatedSPCost: '365',
          EstimatedOnDemandCost: '453.3',
          EstimatedSavingsAmount: '88.3',
          EstimatedSavingsPercentage: '19.5',
          HourlyCommitmentToPurchase: '0.5',
          EstimatedAverageUtilization: '97.2',
          EstimatedMonthlySavingsAmount: '88.3',
        },
      ],
      SavingsPlansPurchaseRecommendationSummary: {
        EstimatedROI: '24.2',
        CurrencyCode: 'USD',
        EstimatedTotalCost: '365',
        CurrentOnDemandSpend: '453.3',
        EstimatedSavingsAmount: '88.3',
        TotalRecommendationCount: '1',
        DailyCommitmentToPurchase: '12',
        HourlyCommitmentToPurchase: '0.5',
        EstimatedSavingsPercentage: '19.5',
        EstimatedMonthlySavingsAmount: '88.3',
        EstimatedOnDemandCostWithCurrentCommitment: '453.3',
      },
    },
  };
}

function periodDays(body: Record<string, unknown>) {
  const period = body.TimePeriod as { Start: string; End: string };
  const days: string[] = [];
  for (let d = period.Start; d < period.End; d = addDay(d)) days.push(d);
  return days;
}

function reservationUtilization(body: Record<string, unknown>) {
  const total = { UtilizationPercentage: '92.5', PurchasedHours: '48', TotalActualHours: '44.4', UnusedHours: '3.6', NetRISavings: '3.1', TotalAmortizedFee: '4.8' };
  return { UtilizationsByTime: periodDays(body).map((d) => ({ TimePeriod: { Start: d, End: addDay(d) }, Groups: [], Total: total })), Total: total };
}

function reservationCoverage(body: Record<string, unknown>) {
  const total = {
    CoverageHours: { OnDemandHours: '20', ReservedHours: '44', TotalRunningHours: '64', CoverageHoursPercentage: '68.75' },
    CoverageCost: { OnDemandCost: '2.4' },
  };
  return { CoveragesByTime: periodDays(body).map((d) => ({ TimePeriod: { Start: d, End: addDay(d) }, Groups: [], Total: total })), Total: total };
}
