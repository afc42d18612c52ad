// OpenAPI operations for recommendations and the commitment planner.
import type { TOperation } from './openapi';
import {
  ZCommitmentPlanQuery, ZCommitmentPlanResult, ZRecommendation, ZRecommendationList, ZRecommendationRun, ZRecommendationsQuery, ZUpdateRecommendation,
} from './schemas/recommendations';
import { ZThresholdsUpdate, ZThresholdsView } from './schemas/recommendation-thresholds';

export const recommendationOperations: TOperation[] = [
  { method: 'get', path: '/api/v1/recommendations', summary: 'Recommendations (current ones unless includeRetired), with the savings still to gain by kind and provider and the last refresh’s outcome per rule; amounts in DISPLAY_CURRENCY', query: ZRecommendationsQuery, response: ZRecommendationList, tag: 'recommendations' },
  { method: 'get', path: '/api/v1/recommendations/{id}', summary: 'One recommendation with its evidence, risks, commitment ladder and, once implemented, the savings the bill shows', response: ZRecommendation, tag: 'recommendations' },
  { method: 'patch', path: '/api/v1/recommendations/{id}', summary: 'Accept, dismiss (reason required), snooze (snoozedUntil required, in the future), mark implemented or reopen; audited with the actor', body: ZUpdateRecommendation, response: ZRecommendation, tag: 'recommendations' },
  { method: 'post', path: '/api/v1/recommendations/refresh', summary: 'Refresh the recommendations now; 409 while another refresh runs. Answers the run with each rule’s outcome (ok, lacked-data with what it lacked, failed)', response: ZRecommendationRun, tag: 'recommendations' },
  { method: 'get', path: '/api/v1/recommendation-thresholds', summary: 'The rules’ thresholds: each with its default (the constant), its source, its allowed range and the value in effect (an admin’s override, or the default)', response: ZThresholdsView, tag: 'recommendations' },
  { method: 'put', path: '/api/v1/recommendation-thresholds', summary: 'Override some thresholds (null returns one to its default); 400 naming the threshold when out of its range or out of order with its pair (scale-down below scale-up, low memory below high, Standard-IA before archive). Audited with each change; the next refresh uses them', body: ZThresholdsUpdate, response: ZThresholdsView, tag: 'recommendations' },
  { method: 'get', path: '/api/v1/commitments/plan', summary: 'The commitment planner: ladder, optimal and conservative levels, AWS’s level, projected usage band per month, savings if usage falls, for one instrument, term and payment option; asOf replays it with the data and plan of that day', query: ZCommitmentPlanQuery, response: ZCommitmentPlanResult, tag: 'recommendations' },
];
