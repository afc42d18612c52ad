// OpenAPI operations of budgets.
import { z } from 'zod';
import type { TOperation } from './openapi';
import { ZBudgetInput, ZBudgetPatch, ZBudgetView } from './schemas/budgets';

export const budgetOperations: TOperation[] = [
  { method: 'get', path: '/api/v1/budgets', summary: 'Budgets, each with its current period (amount, actual, forecast to the period\'s end, percents, state, threshold states) and its history', response: z.object({ budgets: z.array(ZBudgetView) }), tag: 'budgets' },
  {
    method: 'post',
    path: '/api/v1/budgets',
    summary: 'Create a budget: exactly one of amount, amounts (per period), fromScenarioId (its monthly P50) or auto ({periods}); scope.provider must be a known provider (400 naming it)',
    body: ZBudgetInput,
    response: ZBudgetView,
    tag: 'budgets',
  },
  { method: 'get', path: '/api/v1/budgets/{id}', summary: 'One budget with its current period and history', response: ZBudgetView, tag: 'budgets' },
  { method: 'patch', path: '/api/v1/budgets/{id}', summary: 'Change a budget; an amount field replaces the amount whatever its kind; thresholds and subscriptions given are replaced whole', body: ZBudgetPatch, response: ZBudgetView, tag: 'budgets' },
  { method: 'delete', path: '/api/v1/budgets/{id}', summary: 'Delete a budget with its history and alarms', tag: 'budgets' },
];
