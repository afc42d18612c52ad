// OpenAPI operations for business metrics and unit costs.
import { z } from 'zod';
import type { TOperation } from './openapi';
import { ZUnitCostQuery } from '../queries/get-unit-costs';
import { ZCreateMetric, ZMetricPoints } from '../unit-costs/schemas';
import { ZBusinessMetric, ZPointsResult, ZUnitCosts } from './schemas/unit-costs';

export const unitCostOperations: TOperation[] = [
  { method: 'get', path: '/api/v1/business-metrics', summary: 'Business metrics (active users, requests…) with how far their daily points reach', response: z.object({ metrics: z.array(ZBusinessMetric) }), tag: 'unit costs' },
  {
    method: 'post',
    path: '/api/v1/business-metrics',
    summary: 'Add a business metric: entered by hand, CSV or API (source manual) or pulled daily from a Prometheus connection by a PromQL query (source prometheus); 409 when the name is taken',
    body: ZCreateMetric,
    response: ZBusinessMetric,
    tag: 'unit costs',
  },
  {
    method: 'post',
    path: '/api/v1/business-metrics/{name}/points',
    summary: 'Add or replace daily values: JSON {points: [{day, value}]} or a CSV body (text/csv) of day,value lines (a header allowed); a bad line is named by its number and nothing is written',
    body: ZMetricPoints,
    response: ZPointsResult,
    tag: 'unit costs',
  },
  {
    method: 'get',
    path: '/api/v1/unit-costs',
    summary: 'Cost of a scope (the costs API’s filters) ÷ a business metric, by day or month (to is exclusive), with the trend of the latest complete period',
    query: ZUnitCostQuery,
    response: ZUnitCosts,
    tag: 'unit costs',
  },
];
