/** KLING_BUDGET and KLING_PRICES through dist/Code.js. */
import { describe, expect, it } from 'vitest';
import { column, sheets, wholeColumn } from './sheets';

const s = sheets();

/** The budget table as { label: value }. */
function budget(...args: unknown[]): Record<string, unknown> {
  const table = s.call('KLING_BUDGET', ...args) as unknown[][];
  for (const line of table) expect(line).toHaveLength(2);
  return Object.fromEntries(table.map(([label, value]) => [label as string, value]));
}

describe('KLING_BUDGET', () => {
  it('a two-column table: label, value, with the rows the spec asks for', () => {
    const table = s.call('KLING_BUDGET', column('std', 'pro'), column(5, 10), column(false, true), column(50, 2)) as unknown[][];
    const labels = table.map((r) => r[0]);
    for (const label of [
      'Credits for delivered videos',
      'Credits with buffer',
      'Best option',
      'Monthly cost (USD)',
      'Cost per delivered video (USD)',
      '12-month cost (USD)',
    ]) {
      expect(labels).toContain(label);
    }
  });

  it('credits, buffer (default 20 %), best option for the buffered figure, costs', () => {
    // 50 x 10 + 2 x 200 = 900 credits; x 1.2 = 1,080: Standard + 660 pack ($18.80).
    const b = budget(column('std', 'pro'), column(5, 10), column(false, true), column(50, 2));
    expect(b['Videos per month']).toBe(52);
    expect(b['Credits for delivered videos']).toBe(900);
    expect(b.Buffer).toBe(0.2);
    expect(b['Credits with buffer']).toBe(1080);
    expect(b['Best option']).toBe('Standard + 660-credit pack');
    expect(b['Monthly cost (USD)']).toBe(18.8);
    expect(b['Cost per delivered video (USD)']).toBeCloseTo(18.8 / 52, 12);
    expect(b['12-month cost (USD)']).toBe(225.6);
  });

  it('"need 500 credits, budget for 600"', () => {
    const b = budget('std', 10, true, 5);
    expect(b['Credits for delivered videos']).toBe(500);
    expect(b['Credits with buffer']).toBe(600);
    expect(b['Best option']).toBe('Standard');
  });

  it('buffer as 0.1, "10%", 0 or an empty cell (the default 0.2); ceil, exact', () => {
    const args = [column('std', ''), column(5, ''), column(true, false), column(30, '')]; // 1,500 credits
    expect(budget(...args, 'monthly', 0.1)['Credits with buffer']).toBe(1650);
    expect(budget(...args, 'monthly', '10%')['Credits with buffer']).toBe(1650);
    expect(budget(...args, 'monthly', 0)['Credits with buffer']).toBe(1500);
    expect(budget(...args, 'monthly', '')['Credits with buffer']).toBe(1800);
    expect(budget(...args)['Credits with buffer']).toBe(1800);
    expect(budget(...args, 'monthly', '33%')['Credits with buffer']).toBe(1995);
    expect(budget(...args, 'monthly', 1 / 3)['Credits with buffer']).toBe(2000);
  });

  it('billing and model apply to the whole list', () => {
    const b = budget(column('4k', 'pro'), column(15, 3), column(true, false), column(10, 100), 'annual', 0, '3.0');
    // 10 x 450 + 100 x 24 = 6,900 credits.
    expect(b['Credits for delivered videos']).toBe(6900);
    expect(b['Credits with buffer']).toBe(6900);
    // Annual: Premier alone ($60.72) beats Pro + 3,500 + 660 packs ($24.42 + $60).
    expect(b['Best option']).toBe('Premier');
    expect(b['Monthly cost (USD)']).toBe(60.72);
    expect(b['12-month cost (USD)']).toBe(728.64);
    expect(b.Model).toMatch(/3\.0.*estimate/);
    expect(b.Billing).toMatch(/annual/);
  });

  it('whole-column ranges: blank rows are skipped, checkbox FALSE in empty rows included', () => {
    const rows = 300;
    const b = budget(
      wholeColumn(['std', '', 'pro'], rows),
      wholeColumn([5, '', 10], rows),
      wholeColumn([false, false, true], rows, false),
      wholeColumn([10, '', 1], rows),
    );
    expect(b['Videos per month']).toBe(11);
    expect(b['Credits for delivered videos']).toBe(300);
    expect(b['Credits with buffer']).toBe(360);
  });

  it('single values next to whole-column ranges: only the range columns decide that a row is blank', () => {
    // =KLING_BUDGET(A2:A, 5, FALSE, D2:D): the same length for every shot.
    const b = budget(wholeColumn(['std', 'pro'], 50), 5, false, wholeColumn([10, 2], 50));
    expect(b['Videos per month']).toBe(12);
    expect(b['Credits for delivered videos']).toBe(10 * 10 + 2 * 35);
    // =KLING_BUDGET(A2:A, B2:B, C2:C, 3): three of each shot.
    const c = budget(wholeColumn(['std', 'pro'], 50), wholeColumn([5, 5], 50), wholeColumn([false, true], 50, false), 3);
    expect(c['Videos per month']).toBe(6);
    expect(c['Credits for delivered videos']).toBe(3 * 10 + 3 * 100);
    // A filled row with a blank range cell is still an error that names the row.
    expect(s.error('KLING_BUDGET', column('std', '', 'pro'), 5, false, column(1, 1, '')).message).toMatch(/^row 2: mode is missing/);
  });

  it('no videos: the cost per delivered video is blank; Free at $0', () => {
    const b = budget(column('std', 'pro'), column(5, 10), column(false, false), column(0, 0));
    expect(b['Videos per month']).toBe(0);
    expect(b['Cost per delivered video (USD)']).toBe('');
    expect(b['Best option']).toBe('Free');
    expect(b['Monthly cost (USD)']).toBe(0);
    const empty = budget(wholeColumn([], 5), wholeColumn([], 5), wholeColumn([], 5, false), wholeColumn([], 5));
    expect(empty['Cost per delivered video (USD)']).toBe('');
  });

  it('an invalid row fails the whole call with a message that names its row', () => {
    const modes = column('std', '', 'prof');
    const secs = column(5, '', 5);
    const audio = column(false, false, false);
    const counts = column(1, '', 1);
    expect(s.error('KLING_BUDGET', modes, secs, audio, counts).message).toBe(
      'row 3: mode "prof" is not a Kling mode; use standard, professional or 4k',
    );
    expect(s.error('KLING_BUDGET', column('std', 'pro'), column(5, 7), column(false, false), column(1, 1)).message).toMatch(
      /^row 2: secs 7 /,
    );
    expect(s.error('KLING_BUDGET', column('std', 'pro'), column(5, 5), column(false, 'x'), column(1, 1)).message).toMatch(
      /^row 2: audio "x" /,
    );
    expect(s.error('KLING_BUDGET', column('std', 'pro'), column(5, 5), column(false, false), column(1, 1.5)).message).toMatch(
      /^row 2: count 1\.5 is not a whole number of videos/,
    );
    expect(s.error('KLING_BUDGET', column('std', 'pro'), column(5, 5), column(false, false), column(1, -1)).message).toMatch(
      /^row 2: count -1 /,
    );
    expect(s.error('KLING_BUDGET', column('std', '4k'), column(5, 5), column(false, false), column(1, 1)).message).toMatch(
      /^row 2: mode "4k" is only offered by Kling 3\.0/,
    );
    expect(s.error('KLING_BUDGET', column('std', 'pro'), column(5, ''), column(false, false), column(1, 1)).message).toMatch(
      /^row 2: secs is missing/,
    );
  });

  it('a shot list laid out in blocks: errors name the row and the column', () => {
    const modes = [
      ['std', 'pro'],
      ['', 'prof'],
    ];
    const secs = [
      [5, 10],
      ['', 5],
    ];
    const audio = [
      [false, true],
      [false, false],
    ];
    const counts = [
      [1, 1],
      ['', 1],
    ];
    expect(s.error('KLING_BUDGET', modes, secs, audio, counts).message).toMatch(/^row 2, column 2: mode "prof" is not a Kling mode/);
    const ok = budget(
      [
        ['std', 'pro'],
        ['', 'pro'],
      ],
      secs,
      audio,
      [
        [1, 1],
        ['', 2],
      ],
    );
    expect(ok['Credits for delivered videos']).toBe(10 + 200 + 2 * 35);
  });

  it('1x1 ranges for billing, buffer and model count as single values', () => {
    const b = budget('std', 5, false, 50, [['annual']], [['10%']], [['3.0']]);
    expect(b['Credits for delivered videos']).toBe(50 * 30);
    expect(b['Credits with buffer']).toBe(1650);
    expect(b.Billing).toMatch(/annual/);
  });

  it('bad billing, buffer or model: an error naming the argument', () => {
    const list = [column('std'), column(5), column(false), column(1)];
    expect(s.error('KLING_BUDGET', 'std', 5, false, 1, 'weekly').message).toMatch(/^billing "weekly" is not a billing/);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', '-5%').message).toMatch(/^buffer "-5%" is outside 0/);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', 'lots').message).toMatch(/^buffer "lots" is not a rate/);
    expect(s.error('KLING_BUDGET', ...list, 'monthly', 0.2, '4').message).toMatch(/^model "4" is not a Kling model/);
    expect(s.error('KLING_BUDGET', ...list, column('monthly', 'annual')).message).toMatch(/billing must be a single value/);
  });

  it('shot-list ranges of different sizes: an error naming both', () => {
    const e = s.error('KLING_BUDGET', column('std', 'pro', 'std'), column(5, 10), column(false, true, false), column(1, 1, 1));
    expect(e.message).toMatch(/secs.*2.*modes.*3|modes.*3.*secs.*2/);
  });

  it('a shot list beyond 26,000,000 credits is a clear error', () => {
    expect(s.error('KLING_BUDGET', 'pro', 10, true, 1_000_000).message).toMatch(/240,000,000 credits.*26,000,000/);
  });

  it('single values make a one-line shot list; all blank gives ""', () => {
    expect(budget('pro', 10, true, 3)['Credits for delivered videos']).toBe(600);
    expect(s.call('KLING_BUDGET', '', '', '', '')).toBe('');
    expect(s.call('KLING_BUDGET', '', '', false, '')).toBe('');
    expect(s.call('KLING_BUDGET')).toBe('');
  });
});

describe('KLING_PRICES', () => {
  const table = s.call('KLING_PRICES') as unknown[][];
  const header = table[0] as string[];
  const col = (name: RegExp) => header.findIndex((h) => name.test(h));

  it('a header row, then one row per plan', () => {
    expect(table).toHaveLength(6);
    expect(table.slice(1).map((r) => r[0])).toEqual(['Free', 'Standard', 'Pro', 'Premier', 'Ultra']);
    for (const h of header) expect(typeof h).toBe('string');
  });

  it('the plan figures of the price book, as numbers', () => {
    const credits = col(/^Credits per month/);
    const first = col(/^First month/);
    const renewal = col(/renewal/i);
    const list = col(/^List/);
    const yearly = col(/^Yearly \(/);
    const perMonth = col(/^Yearly per month/);
    expect(table.slice(1).map((r) => r[credits])).toEqual([1980, 660, 3000, 8000, 26000]);
    expect(table.slice(1).map((r) => r[first])).toEqual([0, 6.99, 25.99, 64.99, 127.99]);
    expect(table.slice(1).map((r) => r[renewal])).toEqual([0, 8.8, 32.56, 80.96, 159.99]);
    expect(table.slice(1).map((r) => r[list])).toEqual([0, 10, 37, 92, 180]);
    expect(table.slice(1).map((r) => r[yearly])).toEqual([0, 79.2, 293.04, 728.64, 1429.99]);
    expect(table.slice(1).map((r) => Math.round((r[perMonth] as number) * 100) / 100)).toEqual([0, 6.6, 24.42, 60.72, 119.17]);
  });

  it("each row's confidence, source and as-of date", () => {
    const confidence = col(/^Confidence/);
    const source = col(/^Source/);
    const asOf = col(/^As of/);
    expect(confidence).toBeGreaterThan(0);
    expect(source).toBeGreaterThan(0);
    expect(asOf).toBeGreaterThan(0);
    expect(table.slice(1).map((r) => r[confidence])).toEqual(['guide', 'official', 'official', 'official', 'official']);
    for (const r of table.slice(1)) {
      expect(String(r[source]).length).toBeGreaterThan(5);
      expect(r[asOf]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(table[1]?.[source]).toMatch(/guide/i);
    expect(table[2]?.[source]).toMatch(/kling\.ai/);
  });

  it('the same table on every call; an empty prices argument means the default book', () => {
    expect(s.call('KLING_PRICES')).toEqual(table);
    expect(s.call('KLING_PRICES', '')).toEqual(table);
  });
});
