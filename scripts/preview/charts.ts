/**
 * Charts as Sheets draws the ones the add-on inserts: column, bar and line charts of a range's
 * computed values (header row the series names, first column the labels), as plain SVG text.
 * Another type, or data without numbers, is drawn as a small table. Pure.
 */

export interface ChartData {
  readonly type: string;
  readonly title: string;
  /** The labels of the first column (below the header). */
  readonly labels: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  readonly width: number;
  readonly height: number;
  readonly stacked?: boolean;
  readonly legend?: boolean;
  /** How a value reads on the axis ($1,200 for money). */
  readonly money?: boolean;
}

export const SERIES_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Axis ticks from 0 (or the lowest negative) to above the highest value, 4 to 6 of them. */
export function ticks(min: number, max: number): number[] {
  const low = Math.min(0, min);
  const high = Math.max(low === max ? 1 : max, 0);
  const span = high - low || 1;
  const magnitude = 10 ** Math.floor(Math.log10(span));
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => span / s <= 5) ?? magnitude * 10;
  const first = Math.floor(low / step) * step;
  const out: number[] = [];
  for (let t = first; t < high + step - 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

function axisLabel(value: number, money: boolean): string {
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${value < 0 ? '-' : ''}${money ? '$' : ''}${text}`;
}

function tableSvg(chart: ChartData): string {
  const rows = chart.labels.map((label, i) => [label, ...chart.series.map((s) => (s.values[i] === null ? '' : String(s.values[i])))]);
  const lines = [[chart.title], ['', ...chart.series.map((s) => s.name)], ...rows];
  const text = lines
    .map((line, i) => `<text x="12" y="${24 + i * 18}" font-size="12" fill="#202124">${escapeXml(line.join('   '))}</text>`)
    .join('');
  return svg(chart.width, chart.height, text);
}

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">${body}</svg>`;
}

const LEGEND_LINE = 18;

/** The legend's items, centred rows of them that fit the chart's width (about 6.6 px a character at 12 px). */
function legendRows(chart: ChartData, width: number): { items: { name: string; color: string; x: number }[] }[] {
  const items = chart.series.map((s, k) => ({
    name: s.name,
    color: SERIES_COLORS[k % SERIES_COLORS.length] as string,
    w: 28 + s.name.length * 6.6,
  }));
  const room = width - 24;
  const rows: { name: string; color: string; w: number }[][] = [[]];
  let used = 0;
  for (const item of items) {
    const row = rows[rows.length - 1] as { name: string; color: string; w: number }[];
    if (row.length > 0 && used + item.w > room) {
      rows.push([item]);
      used = item.w;
    } else {
      row.push(item);
      used += item.w;
    }
  }
  return rows.map((row) => {
    const total = row.reduce((sum, item) => sum + item.w, 0);
    let x = Math.max(12, (width - total) / 2);
    return {
      items: row.map((item) => {
        const placed = { name: item.name, color: item.color, x };
        x += item.w;
        return placed;
      }),
    };
  });
}

/** The chart as SVG text. */
export function chartSvg(chart: ChartData): string {
  const type = chart.type.toUpperCase();
  const numbers = chart.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  if (!['COLUMN', 'BAR', 'LINE', 'AREA'].includes(type) || numbers.length === 0 || chart.labels.length === 0) return tableSvg(chart);
  const { width, height } = chart;
  const money = chart.money === true;
  const legend = chart.legend ?? chart.series.length > 1;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="15" fill="#202124">${escapeXml(chart.title)}</text>`,
  ];
  const stacked = chart.stacked === true && type !== 'LINE';
  const totals = stacked ? chart.labels.map((_, i) => chart.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)) : numbers;
  const scale = ticks(Math.min(...numbers), Math.max(...totals));
  const lo = scale[0] as number;
  const hi = scale[scale.length - 1] as number;
  const horizontal = type === 'BAR';
  const labelRoom = horizontal ? Math.min(200, 12 + 6.5 * Math.max(...chart.labels.map((l) => l.length))) : 0;
  const left = horizontal ? labelRoom : 16 + 7 * Math.max(...scale.map((t) => axisLabel(t, money).length));
  const right = 20;
  const top = 48;
  const rows = legend ? legendRows(chart, width) : [];
  const bottom = (horizontal ? 34 : 44) + (legend ? 10 + rows.length * LEGEND_LINE : 0);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const along = horizontal ? plotH : plotW;
  const across = horizontal ? plotW : plotH;
  const pos = (v: number) => ((v - lo) / (hi - lo || 1)) * across;
  // Grid lines and value labels.
  for (const t of scale) {
    if (horizontal) {
      const x = left + pos(t);
      parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${top + plotH}" stroke="${t === 0 ? '#80868b' : '#e8eaed'}"/>`);
      parts.push(`<text x="${x}" y="${top + plotH + 16}" text-anchor="middle" font-size="12" fill="#5f6368">${axisLabel(t, money)}</text>`);
    } else {
      const y = top + plotH - pos(t);
      parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" stroke="${t === 0 ? '#80868b' : '#e8eaed'}"/>`);
      parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="12" fill="#5f6368">${axisLabel(t, money)}</text>`);
    }
  }
  const n = chart.labels.length;
  const group = along / n;
  const every = Math.max(1, Math.ceil((n * (horizontal ? 14 : 52)) / along));
  chart.labels.forEach((label, i) => {
    if (i % every !== 0) return;
    if (horizontal) {
      parts.push(
        `<text x="${left - 6}" y="${top + i * group + group / 2 + 4}" text-anchor="end" font-size="12" fill="#3c4043">${escapeXml(label)}</text>`,
      );
    } else {
      parts.push(
        `<text x="${left + i * group + group / 2}" y="${top + plotH + 17}" text-anchor="middle" font-size="12" fill="#5f6368">${escapeXml(label)}</text>`,
      );
    }
  });
  const zero = pos(Math.max(lo, 0));
  if (type === 'LINE' || type === 'AREA') {
    chart.series.forEach((s, k) => {
      const color = SERIES_COLORS[k % SERIES_COLORS.length] as string;
      const points = s.values
        .map((v, i) => (v === null ? null : `${(left + i * group + group / 2).toFixed(1)},${(top + plotH - pos(v)).toFixed(1)}`))
        .filter(Boolean);
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`);
    });
  } else {
    const bars = stacked ? 1 : chart.series.length;
    const thick = (group * 0.75) / bars;
    const base = new Array<number>(n).fill(0);
    chart.series.forEach((s, k) => {
      const color = SERIES_COLORS[k % SERIES_COLORS.length] as string;
      s.values.forEach((v, i) => {
        if (v === null || v === 0) return;
        const start = stacked ? pos((base[i] as number) + Math.max(lo, 0)) : zero;
        const end = stacked ? pos((base[i] as number) + v) : pos(v);
        if (stacked) base[i] = (base[i] as number) + v;
        const offset = i * group + group * 0.125 + (stacked ? 0 : k * thick);
        const a = Math.min(start, end);
        const size = Math.max(1, Math.abs(end - start));
        const rect = horizontal
          ? `x="${(left + a).toFixed(1)}" y="${(top + offset).toFixed(1)}" width="${size.toFixed(1)}" height="${Math.max(1, thick - 1).toFixed(1)}"`
          : `x="${(left + offset).toFixed(1)}" y="${(top + plotH - a - size).toFixed(1)}" width="${Math.max(1, thick - 1).toFixed(1)}" height="${size.toFixed(1)}"`;
        parts.push(
          `<rect ${rect} fill="${color}"><title>${escapeXml(`${s.name}, ${chart.labels[i]}: ${axisLabel(v, money)}`)}</title></rect>`,
        );
      });
    });
  }
  if (legend) {
    legendRows(chart, width).forEach((row, r) => {
      const y = height - 14 - (rows.length - 1 - r) * LEGEND_LINE;
      for (const item of row.items) {
        parts.push(`<rect x="${item.x.toFixed(1)}" y="${y - 9}" width="10" height="10" rx="2" fill="${item.color}"/>`);
        parts.push(`<text x="${(item.x + 14).toFixed(1)}" y="${y}" font-size="12" fill="#3c4043">${escapeXml(item.name)}</text>`);
      }
    });
  }
  return svg(width, height, parts.join(''));
}
