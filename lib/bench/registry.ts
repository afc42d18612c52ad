// Further benchmarks, each printing its figures as JSON lines through emit().
export type TBenchContext = {
  emit: (figure: { name: string; value: number; unit: string; baseline?: number; ratio?: number; [k: string]: unknown }) => void;
  note: (line: string) => void;
  serverUrl: string;
};

export type TBench = { name: string; run: (ctx: TBenchContext) => Promise<void> };

import { focusImportBench } from './focus-import';
import { planningBench } from './planning';
import { reportBench } from './report';
import { forecastBench } from './forecast-accuracy';
import { anomalyDetectionBench } from './anomaly-detection';
import { recommendationsBench } from './recommendations';

export const BENCHES: TBench[] = [
  focusImportBench,
  planningBench,
  forecastBench,
  anomalyDetectionBench,
  recommendationsBench,
  reportBench,
];
