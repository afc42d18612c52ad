// Zod schemas of the Cost Explorer responses the connector reads (API reference, ce-2017-10-25).
// The API marks almost every field optional; the schemas require what the mapping cannot do
// without, so a payload missing it fails with the field's path instead of a wrong number.
import { z } from 'zod';
import { isDecimalString } from '../../money/decimal';

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date YYYY-MM-DD');
export const ZAmount = z.string().refine(isDecimalString, 'expected a decimal number');

export const ZDateInterval = z.object({ Start: ZDay, End: ZDay });

export const ZMetricValue = z.object({ Amount: ZAmount, Unit: z.string() });
export type TMetricValue = z.infer<typeof ZMetricValue>;

// The three metrics every cost query asks for (see COST_METRICS in client.ts).
export const ZCostMetrics = z.object({
  UnblendedCost: ZMetricValue,
  AmortizedCost: ZMetricValue,
  UsageQuantity: ZMetricValue,
});

export const ZGroup = z.object({ Keys: z.array(z.string()).min(1), Metrics: ZCostMetrics });
export type TGroup = z.infer<typeof ZGroup>;

export const ZResultByTime = z.object({
  TimePeriod: ZDateInterval,
  Total: z.record(z.string(), ZMetricValue).optional(),
  Groups: z.array(ZGroup).optional(),
  Estimated: z.boolean().optional(),
});
export type TResultByTime = z.infer<typeof ZResultByTime>;

export const ZDimensionValuesWithAttributes = z.object({
  Value: z.string(),
  Attributes: z.record(z.string(), z.string()).optional(),
});

export const ZGetCostAndUsageResponse = z.object({
  ResultsByTime: z.array(ZResultByTime),
  NextPageToken: z.string().optional(),
  GroupDefinitions: z.array(z.object({ Type: z.string().optional(), Key: z.string().optional() })).optional(),
  DimensionValueAttributes: z.array(ZDimensionValuesWithAttributes).optional(),
});
export type TGetCostAndUsageResponse = z.infer<typeof ZGetCostAndUsageResponse>;

export const ZForecastResult = z.object({
  TimePeriod: ZDateInterval,
  MeanValue: ZAmount,
  PredictionIntervalLowerBound: ZAmount.optional(),
  PredictionIntervalUpperBound: ZAmount.optional(),
});

export const ZGetCostForecastResponse = z.object({
  Total: ZMetricValue,
  ForecastResultsByTime: z.array(ZForecastResult),
});
export type TGetCostForecastResponse = z.infer<typeof ZGetCostForecastResponse>;

// Recommendations, utilisation and coverage are kept as AWS returns them: only their envelope is
// checked, the rest passes through untouched for the recommendations page.
const ZOpaque = z.looseObject({});

export const ZGetReservationPurchaseRecommendationResponse = z.looseObject({
  Metadata: ZOpaque.optional(),
  Recommendations: z.array(ZOpaque).optional(),
  NextPageToken: z.string().optional(),
});
export type TGetReservationPurchaseRecommendationResponse = z.infer<
  typeof ZGetReservationPurchaseRecommendationResponse
>;

export const ZGetSavingsPlansPurchaseRecommendationResponse = z.looseObject({
  Metadata: ZOpaque.optional(),
  SavingsPlansPurchaseRecommendation: ZOpaque.optional(),
  NextPageToken: z.string().optional(),
});
export type TGetSavingsPlansPurchaseRecommendationResponse = z.infer<
  typeof ZGetSavingsPlansPurchaseRecommendationResponse
>;

export const ZGetReservationUtilizationResponse = z.looseObject({
  UtilizationsByTime: z.array(z.looseObject({ TimePeriod: ZDateInterval.optional() })),
  Total: ZOpaque.optional(),
  NextPageToken: z.string().optional(),
});
export type TGetReservationUtilizationResponse = z.infer<typeof ZGetReservationUtilizationResponse>;

export const ZGetReservationCoverageResponse = z.looseObject({
  CoveragesByTime: z.array(z.looseObject({ TimePeriod: ZDateInterval.optional() })),
  Total: ZOpaque.optional(),
  NextPageToken: z.string().optional(),
});
export type TGetReservationCoverageResponse = z.infer<typeof ZGetReservationCoverageResponse>;
