// The report's sections fed by features of their own: month to date against budgets with the
// month-end forecast, the week's new anomalies, recommendations and runway, unit costs. Each is
// read here through its feature's reader once that feature is part of the build; a feature that is
// not leaves its section out (never made-up numbers).
import type { TReportData, TReportScope } from './build-report';
import type { TIsoWeek } from './iso-week';

export type TOptionalContext = { week: TIsoWeek; currency: string; scope: TReportScope; timeZone: string; appUrl: string; asOf: Date };

export async function loadOptionalSections(context: TOptionalContext): Promise<Pick<TReportData, 'budgets' | 'anomalies' | 'recommendations' | 'unitCosts'>> {
  void context;
  return {};
}
