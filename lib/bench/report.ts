// The weekly report on the demo dataset: building it (queries, chart, HTML and text), the share of
// that time spent drawing the chart, and the sizes of its HTML and image. Baseline for the time:
// one read of the week's total through the same cost reader (what a page's headline costs). The
// readers keep answers until the data changes: the first build is the cold one an e-mail run pays;
// the next ones (warm, as a second recipient's or a preview's) are printed beside it.
import { env } from '../env';
import { hasAnyCostData, loadDemo } from '../demo/load-demo';
import { getCosts } from '../queries/get-costs';
import { lastCompleteWeek } from '../reports/iso-week';
import { buildWeeklyReport } from '../reports/load-report-data';
import { renderReport } from '../reports/render-report';
import { median } from './planning';
import type { TBench } from './registry';

const RUNS = 5;
const GMAIL_CLIP_BYTES = 102 * 1024;

export const reportBench: TBench = {
  name: 'report',
  run: async ({ emit, note }) => {
    if (!(await hasAnyCostData())) {
      note('loading the demo dataset…');
      await loadDemo({ now: new Date() });
    }
    const config = env();
    const week = lastCompleteWeek(new Date(), config.ORG_TIMEZONE);
    const options = { week, currency: 'EUR', scope: {}, timeZone: config.ORG_TIMEZONE, appUrl: 'http://localhost:3000', now: new Date() };
    const build = async () => {
      const t0 = performance.now();
      const view = await buildWeeklyReport(options);
      const rendered = await renderReport(view, { locale: 'fr-FR', timeZone: config.ORG_TIMEZONE, scheduleName: 'bench', unsubscribeUrl: 'http://localhost:3000/u', manageUrl: 'http://localhost:3000/settings' });
      return { ms: performance.now() - t0, chartMs: rendered.chartMs, rendered };
    };
    // the baseline first, cold too (the report never asks this question, so it stays cold for it)
    const b0 = performance.now();
    await getCosts({ from: week.from, to: week.to, granularity: 'month', groupBy: 'none', currency: 'EUR' });
    const base = (performance.now() - b0) / 1000;
    const cold = await build();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await build());
    const seconds = cold.ms / 1000;
    const last = runs[runs.length - 1].rendered;
    emit({
      name: 'report_build_seconds',
      value: seconds,
      unit: 's',
      baseline: base,
      ratio: seconds / base,
      baselineName: 'one read of the week’s total through getCosts',
      chartShare: cold.chartMs / cold.ms,
      warmSeconds: median(runs.map((r) => r.ms)) / 1000,
      warmChartShare: median(runs.map((r) => r.chartMs / r.ms)),
      week: week.key,
      runs: RUNS,
    });
    const htmlBytes = Buffer.byteLength(last.html);
    emit({ name: 'report_html_bytes', value: htmlBytes, unit: 'bytes', baseline: GMAIL_CLIP_BYTES, ratio: htmlBytes / GMAIL_CLIP_BYTES, baselineName: 'the size past which Gmail clips a message' });
    for (const img of last.images) emit({ name: 'report_image_bytes', value: img.png.length, unit: 'bytes', image: img.filename, width: img.width, height: img.height });
  },
};
