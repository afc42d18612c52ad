// Chart images for the e-mail: ECharts renders SVG on the server (no browser), resvg turns it into a
// PNG at twice the pixel density with DejaVu Sans from its npm package (resvg loads no font by
// default and text would vanish). Opaque white background: dark-mode clients keep it legible.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

export const CHART_FONT_FAMILY = 'DejaVu Sans';
const DENSITY = 2;

let fontFile: string | undefined;
// DejaVuSans.ttf from the dejavu-fonts-ttf package, wherever node_modules is
export function chartFontFile(): string {
  if (fontFile) return fontFile;
  const candidates: string[] = [];
  try {
    // built from parts: a bundler must not try to bundle the font file as a module
    candidates.push(createRequire(import.meta.url).resolve(['dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf'].join('/')));
  } catch {
    // bundled code may not resolve packages: fall back to the working directory's node_modules
  }
  candidates.push(path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf'));
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error('DejaVuSans.ttf not found: the dejavu-fonts-ttf package is missing from node_modules');
  fontFile = found;
  return found;
}

export type TChartImage = { cid: string; filename: string; png: Buffer; width: number; height: number; alt: string };

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: DENSITY },
    background: '#ffffff',
    font: { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return Buffer.from(resvg.render().asPng());
}

// Weeks on the x axis, one stacked series per provider in its colour, money on the y axis.
export function renderStackedWeeksChart(options: {
  categories: string[];
  series: { key: string; name: string; color: string; values: number[] }[];
  formatAxis: (value: number) => string;
  width?: number;
  height?: number;
}): string {
  const width = options.width ?? 600;
  const height = options.height ?? 280;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#334155' },
      grid: { left: 64, right: 16, top: 40, bottom: 32 },
      legend: { top: 4, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#334155' } },
      xAxis: { type: 'category', data: options.categories, axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 11, color: '#475569' }, axisTick: { show: false } },
      yAxis: {
        type: 'value',
        axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 11, color: '#475569', formatter: (v: number) => options.formatAxis(v) },
        splitLine: { lineStyle: { color: '#e2e8f0' } },
      },
      series: options.series.map((s) => ({ id: s.key, name: s.name, type: 'bar', stack: 'total', data: s.values, itemStyle: { color: s.color }, barMaxWidth: 44 })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
