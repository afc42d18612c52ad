// The chart PNG has text drawn with DejaVu: pixels that are neither background nor a bar colour.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFontFile, renderStackedWeeksChart, svgToPng } from './charts';

describe('chart images', () => {
  it('renders a stacked chart to an opaque PNG at twice the density, with its labels drawn', () => {
    const svg = renderStackedWeeksChart({
      categories: ['S42', 'S43', 'S44'],
      series: [
        { key: 'AWS', name: 'AWS', color: '#f59e0b', values: [100, 120, 90] },
        { key: 'MongoDB Atlas', name: 'MongoDB Atlas', color: '#15803d', values: [50, 55, 60] },
      ],
      formatAxis: (v) => `${v} €`,
    });
    expect(svg).toContain('S43');
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(560);

    // the same SVG rendered again to count its pixels, with and without the font: text adds dark pixels only when the font is loaded
    const dark = (font: boolean) => {
      const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: font ? { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } : { loadSystemFonts: false } }).render();
      const px = r.pixels;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 120 && px[i + 1] < 120 && px[i + 2] < 140 && px[i + 3] === 255) n++;
      let opaque = true;
      for (let i = 3; i < px.length; i += 4) if (px[i] !== 255) opaque = false;
      return { n, opaque };
    };
    const withFont = dark(true);
    const without = dark(false);
    expect(withFont.opaque).toBe(true);
    expect(withFont.n).toBeGreaterThan(500);
    expect(withFont.n).toBeGreaterThan(without.n + 500);
  });
});
