/**
 * No silent limit (actuals.md): KLING_ACTUALS reads the usage log as the whole-column ranges the
 * sheet passes (A2:A ...), and a log of 50,000 rows is summed completely: every kept, discarded and
 * failed generation is counted in its month and in the total. The expected table is computed here
 * from the rows, with the credits of the price book typed by hand.
 */
import { describe, expect, it } from 'vitest';
import { sheets } from './sheets';

const s = sheets();

/** Credits of a Kling 2.6 clip (per clip) and Kling 3.0 (per second), typed from pricing-facts.md. */
const CREDITS_26: Record<string, number> = {
  'standard 5 false': 10,
  'standard 10 false': 20,
  'professional 5 false': 35,
  'professional 10 false': 70,
  'standard 5 true': 50,
  'standard 10 true': 100,
  'professional 5 true': 100,
  'professional 10 true': 200,
};
const PER_SECOND_30: Record<string, number> = {
  'standard false': 6,
  'standard true': 9,
  'professional false': 8,
  'professional true': 12,
};

interface LogRow {
  date: string;
  mode: 'standard' | 'professional';
  secs: number;
  audio: boolean;
  outcome: 'kept' | 'discarded' | 'failed';
  model: '2.6' | '3.0';
}

/** A deterministic log of `n` rows over 24 months (2026-01 to 2027-12), all kinds of clip and outcome. */
function makeLog(n: number): LogRow[] {
  const rows: LogRow[] = [];
  let state = 20_261_206;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  for (let i = 0; i < n; i++) {
    const month = next() % 24;
    const year = 2026 + Math.floor(month / 12);
    const day = 1 + (next() % 28);
    const date = `${year}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}${i % 3 === 0 ? ` ${String(next() % 24).padStart(2, '0')}:15` : ''}`;
    const model = next() % 2 === 0 ? '2.6' : '3.0';
    const mode = next() % 2 === 0 ? 'standard' : 'professional';
    const secs = model === '2.6' ? (next() % 2 === 0 ? 5 : 10) : 3 + (next() % 13);
    const audio = next() % 3 === 0;
    const outcome = (['kept', 'kept', 'discarded', 'failed'] as const)[next() % 4] as LogRow['outcome'];
    rows.push({ date, mode, secs, audio, outcome, model });
  }
  return rows;
}

function creditsOf(r: LogRow): number {
  if (r.model === '2.6') return CREDITS_26[`${r.mode} ${r.secs} ${r.audio}`] as number;
  return (PER_SECOND_30[`${r.mode} ${r.audio}`] as number) * r.secs;
}

/** The table KLING_ACTUALS must give, from the rows. */
function expectedTable(rows: readonly LogRow[]): unknown[][] {
  const months = new Map<string, { kept: number; discarded: number; failed: number; credits: number }>();
  const total = { kept: 0, discarded: 0, failed: 0, credits: 0 };
  for (const r of rows) {
    const key = r.date.slice(0, 7);
    const m = months.get(key) ?? { kept: 0, discarded: 0, failed: 0, credits: 0 };
    months.set(key, m);
    for (const t of [m, total]) {
      t[r.outcome]++;
      if (r.outcome !== 'failed') t.credits += creditsOf(r);
    }
  }
  const line = (label: string, t: typeof total) => [
    label,
    t.kept + t.discarded + t.failed,
    t.kept,
    t.discarded,
    t.failed,
    t.credits,
    t.kept + t.discarded === 0 ? '' : t.discarded / (t.kept + t.discarded),
    t.kept === 0 ? '' : t.credits / t.kept,
  ];
  return [
    ['Month', 'Generations', 'Kept', 'Discarded', 'Failed (refunded)', 'Credits spent', 'Retake rate', 'Credits per kept video'],
    ...[...months.keys()].sort().map((k) => line(k, months.get(k) as typeof total)),
    line('Total', total),
  ];
}

/** The log as the usage log sheet passes it: whole columns from row 2 (A2:A ...), blank rows after the last. */
function columns(rows: readonly LogRow[], blankRows: number): unknown[][][] {
  const pad = (cells: unknown[], blank: unknown = '') => [...cells, ...new Array(blankRows).fill(blank)].map((c) => [c]);
  return [
    pad(rows.map((r) => r.date)),
    pad(rows.map((r) => r.mode)),
    pad(rows.map((r) => r.secs)),
    pad(
      rows.map((r) => r.audio),
      false,
    ),
    pad(rows.map((r) => r.outcome)),
    pad(rows.map((r) => r.model)),
  ];
}

/** Credits per kept video and retake rates are quotients: compared to the last bits of a double. */
function expectTable(got: unknown[][], want: unknown[][]): void {
  expect(got.length).toBe(want.length);
  for (let r = 0; r < want.length; r++) {
    const g = got[r] as unknown[];
    const w = want[r] as unknown[];
    expect(g.slice(0, 6), `row ${r}`).toEqual(w.slice(0, 6));
    for (const c of [6, 7]) {
      if (typeof w[c] === 'number') expect(g[c] as number, `row ${r}, column ${c}`).toBeCloseTo(w[c] as number, 10);
      else expect(g[c], `row ${r}, column ${c}`).toBe(w[c]);
    }
  }
}

describe('KLING_ACTUALS sums the whole log, however long', () => {
  for (const [n, blank] of [
    [50_000, 20_000],
    [10_500, 5_000],
  ] as const) {
    it(`${n.toLocaleString('en-US')} rows and ${blank.toLocaleString('en-US')} blank rows after them: every generation counted`, () => {
      const rows = makeLog(n);
      const table = s.call('KLING_ACTUALS', ...columns(rows, blank)) as unknown[][];
      const want = expectedTable(rows);
      expectTable(table, want);
      // 24 months, oldest first, and the total counts every row of the log.
      expect(table).toHaveLength(26);
      const totalRow = table.at(-1) as unknown[];
      expect(totalRow[1]).toBe(n);
      expect((totalRow[2] as number) + (totalRow[3] as number) + (totalRow[4] as number)).toBe(n);
      const byMonth = table.slice(1, -1).reduce((sum, r) => sum + (r[1] as number), 0);
      expect(byMonth).toBe(n);
    });
  }

  it('the last row counts: a row added at the end of 50,000 changes the total', () => {
    const rows = makeLog(50_000);
    const last: LogRow = { date: '2027-12-31 23:59', mode: 'professional', secs: 10, audio: true, outcome: 'kept', model: '2.6' };
    const before = (s.call('KLING_ACTUALS', ...columns(rows, 10)) as unknown[][]).at(-1) as unknown[];
    const after = (s.call('KLING_ACTUALS', ...columns([...rows, last], 10)) as unknown[][]).at(-1) as unknown[];
    expect(after[1]).toBe((before[1] as number) + 1);
    expect(after[2]).toBe((before[2] as number) + 1);
    expect(after[5]).toBe((before[5] as number) + 200);
    // And a bad row at the very end is named, not skipped.
    const bad = columns([...rows, { ...last, mode: 'prof' as LogRow['mode'] }], 0);
    expect(s.error('KLING_ACTUALS', ...bad).message).toBe(
      'log row 50001: mode "prof" is not a Kling mode; use standard, professional or 4k',
    );
  });
});
