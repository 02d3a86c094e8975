/**
 * Dates in the spreadsheet's time zone (custom-functions.md, "Dates"; actuals.md), through the
 * wrappers of dist/Code.js: Sheets hands a date cell to a script as the instant of the wall time the
 * sheet shows, in the spreadsheet's zone. The wrapper reads that zone with
 * SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() (here a fake that counts its
 * calls), at most once per call and only when an argument holds a date, and hands it to the bundle.
 * The script's own zone (process.env.TZ, the zone node:vm's Date uses) is set to zones far from the
 * sheet's, so that a reader using it gets another month or day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { column, sheets } from './sheets';

/** A fake SpreadsheetApp whose spreadsheet is in `zone`, counting the calls a custom function makes. */
function fakeSpreadsheetApp(zone: string) {
  const calls = { active: 0, zone: 0 };
  const state = { zone };
  const service = {
    getActiveSpreadsheet() {
      calls.active++;
      return {
        getSpreadsheetTimeZone() {
          calls.zone++;
          return state.zone;
        },
      };
    },
  };
  return { calls, state, service };
}

/** The script's zones the tests run under: far east (UTC+14) and far west (UTC-12) of every sheet zone below. */
const SCRIPT_ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12'] as const;

/** "yyyy-mm-dd hh:mm" of an instant in a zone, by Intl (the premise of each case, not the code under test). */
function wallTime(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * Each case: the sheet's zone, the wall time the sheet shows, and the instant Sheets hands over for
 * it, its UTC offset typed by hand (Berlin +1 in winter, Auckland +13 in summer, Tokyo +9, Los
 * Angeles -8 and New York -5 in winter).
 */
const CASES: { zone: string; shows: string; instant: string; month: string }[] = [
  { zone: 'Europe/Berlin', shows: '2027-01-01 00:00', instant: '2026-12-31T23:00:00Z', month: '2027-01' },
  { zone: 'Europe/Berlin', shows: '2026-12-31 23:59', instant: '2026-12-31T22:59:00Z', month: '2026-12' },
  { zone: 'Pacific/Auckland', shows: '2027-01-01 00:30', instant: '2026-12-31T11:30:00Z', month: '2027-01' },
  { zone: 'Pacific/Auckland', shows: '2026-12-31 23:30', instant: '2026-12-31T10:30:00Z', month: '2026-12' },
  { zone: 'Asia/Tokyo', shows: '2026-12-01 00:30', instant: '2026-11-30T15:30:00Z', month: '2026-12' },
  { zone: 'Asia/Tokyo', shows: '2026-11-30 23:30', instant: '2026-11-30T14:30:00Z', month: '2026-11' },
  { zone: 'America/Los_Angeles', shows: '2026-12-31 22:15', instant: '2027-01-01T06:15:00Z', month: '2026-12' },
  { zone: 'America/New_York', shows: '2026-12-31 22:15', instant: '2027-01-01T03:15:00Z', month: '2026-12' },
  { zone: 'America/New_York', shows: '2027-01-01 00:05', instant: '2027-01-01T05:05:00Z', month: '2027-01' },
];

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = SCRIPT_ZONES[0];
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** Runs `check` under each script zone. */
function underEachScriptZone(check: (scriptZone: string) => void): void {
  for (const zone of SCRIPT_ZONES) {
    process.env.TZ = zone;
    check(zone);
  }
  process.env.TZ = SCRIPT_ZONES[0];
}

/** A usage log of one kept standard 5 s Kling 2.6 generation per date. */
const log = (dates: unknown[]) => [
  column(...dates),
  column(...dates.map(() => 'std')),
  column(...dates.map(() => 5)),
  column(...dates.map(() => false)),
  column(...dates.map(() => 'kept')),
];

describe("KLING_ACTUALS groups a date cell by the month the sheet shows, in the spreadsheet's zone", () => {
  it('the premises: each instant shows its wall time in its zone, and some script zone shows another month', () => {
    for (const c of CASES) {
      const ms = Date.parse(c.instant);
      expect(wallTime(ms, c.zone), `${c.zone} ${c.shows}`).toBe(c.shows);
      const wrong = SCRIPT_ZONES.map((z) => wallTime(ms, z).slice(0, 7));
      expect(
        wrong.some((m) => m !== c.month),
        `${c.zone} ${c.shows}: a script zone shows another month`,
      ).toBe(true);
    }
  });

  for (const c of CASES) {
    it(`${c.zone}: ${c.shows} lands in ${c.month}`, () => {
      const fake = fakeSpreadsheetApp(c.zone);
      const s = sheets({ SpreadsheetApp: fake.service });
      underEachScriptZone((scriptZone) => {
        const table = s.call('KLING_ACTUALS', ...log([s.instant(Date.parse(c.instant))])) as unknown[][];
        expect(table[1]?.[0], `script zone ${scriptZone}`).toBe(c.month);
      });
    });
  }

  it("a year's turn in each zone: the same instants, grouped by each sheet's own months", () => {
    // New York's 2026-12-31 22:15 and 2027-01-01 00:05, and Berlin's 2026-12-31 23:59.
    const instants = ['2027-01-01T03:15:00Z', '2027-01-01T05:05:00Z', '2026-12-31T22:59:00Z'];
    const expected: [zone: string, months: [string, number][]][] = [
      [
        'America/New_York',
        [
          ['2026-12', 2],
          ['2027-01', 1],
        ],
      ],
      [
        'Europe/Berlin',
        [
          ['2026-12', 1],
          ['2027-01', 2],
        ],
      ],
      ['Pacific/Auckland', [['2027-01', 3]]],
    ];
    for (const [zone, months] of expected) {
      const s = sheets({ SpreadsheetApp: fakeSpreadsheetApp(zone).service });
      const table = s.call('KLING_ACTUALS', ...log(instants.map((i) => s.instant(Date.parse(i))))) as unknown[][];
      expect(
        table.slice(1, -1).map((r) => [r[0], r[1]]),
        zone,
      ).toEqual(months);
      expect(table.at(-1)?.[1], zone).toBe(3);
    }
  });

  it('text dates are read as written, whatever the zones', () => {
    const fake = fakeSpreadsheetApp('Pacific/Auckland');
    const s = sheets({ SpreadsheetApp: fake.service });
    underEachScriptZone(() => {
      const table = s.call('KLING_ACTUALS', ...log(['2026-12-31', '2027-01-01 00:05', '2026-11-30 23:59'])) as unknown[][];
      expect(table.slice(1).map((r) => [r[0], r[1]])).toEqual([
        ['2026-11', 1],
        ['2026-12', 1],
        ['2027-01', 1],
        ['Total', 3],
      ]);
    });
    // No date value: the zone is never read.
    expect(fake.calls.zone).toBe(0);
    expect(fake.calls.active).toBe(0);
  });
});

describe('the As of column of a prices table given as date cells reads as the date the sheet shows', () => {
  /** The default table with the Pro plan's rows dated by a date cell. */
  const datedTable = (s: ReturnType<typeof sheets>, instant: string) =>
    bookToRows(DEFAULT_PRICE_BOOK).map((r) =>
      r[0] === 'Plan' && r[1] === 'Pro' ? [...r.slice(0, 7), s.instant(Date.parse(instant))] : [...r],
    );
  const asOf = (table: unknown) => {
    const rows = table as unknown[][];
    return (rows.find((r) => r[0] === 'Pro') as unknown[])[(rows[0] as unknown[]).indexOf('As of')];
  };

  // Midnight of 2026-10-07 where the sheet is, east of UTC+12 too: Kiritimati (+14), Auckland (+13 from late September).
  const DATED: [zone: string, instant: string][] = [
    ['Pacific/Kiritimati', '2026-10-06T10:00:00Z'],
    ['Pacific/Auckland', '2026-10-06T11:00:00Z'],
    ['Asia/Tokyo', '2026-10-06T15:00:00Z'],
    ['Europe/Berlin', '2026-10-06T22:00:00Z'],
    ['America/Los_Angeles', '2026-10-07T07:00:00Z'],
    ['America/New_York', '2026-10-07T04:00:00Z'],
  ];

  for (const [zone, instant] of DATED) {
    it(`${zone}: 2026-10-07 00:00 is 2026-10-07`, () => {
      expect(wallTime(Date.parse(instant), zone)).toBe('2026-10-07 00:00');
      const s = sheets({ SpreadsheetApp: fakeSpreadsheetApp(zone).service });
      underEachScriptZone((scriptZone) => {
        expect(asOf(s.call('KLING_PRICES', datedTable(s, instant))), `script zone ${scriptZone}`).toBe('2026-10-07');
      });
    });
  }

  it('the zone is part of what the table says: the same cells in two spreadsheets give each its own date', () => {
    const instant = '2026-10-06T12:00:00Z'; // 2026-10-07 01:00 in Kiritimati, 2026-10-06 02:00 in Honolulu
    const east = sheets({ SpreadsheetApp: fakeSpreadsheetApp('Pacific/Kiritimati').service });
    const west = sheets({ SpreadsheetApp: fakeSpreadsheetApp('Pacific/Honolulu').service });
    expect(asOf(east.call('KLING_PRICES', datedTable(east, instant)))).toBe('2026-10-07');
    expect(asOf(west.call('KLING_PRICES', datedTable(west, instant)))).toBe('2026-10-06');
  });
});

describe('the zone is read at most once per call, and never when no argument holds a date', () => {
  const fake = fakeSpreadsheetApp('Asia/Tokyo');
  const s = sheets({ SpreadsheetApp: fake.service });
  const reads = (f: () => unknown): number => {
    const before = fake.calls.zone;
    const activeBefore = fake.calls.active;
    try {
      f();
    } catch {
      // an error is an answer too: what counts is how often the zone was read
    }
    expect(fake.calls.active - activeBefore).toBe(fake.calls.zone - before);
    return fake.calls.zone - before;
  };

  it('no date anywhere: never read', () => {
    const table = bookToRows(DEFAULT_PRICE_BOOK);
    const calls: [string, unknown[]][] = [
      ['KLING_CREDITS', ['pro', 10, true]],
      ['KLING_COST', ['pro', 10, true, 'standard']],
      ['KLING_VIDEOS', ['standard', 'pro', 10, true]],
      ['KLING_IMAGES', ['pro']],
      ['KLING_PLAN', ['pro', 'year', 'annual']],
      ['KLING_BEST_PLAN', [column(700, 2000, '')]],
      ['KLING_MONTHLY_COST', [700]],
      ['KLING_API_COST', ['pro', 10, true, '4.0', 'fal', table]],
      ['KLING_BUDGET', [column('pro', 'std'), column(10, 5), column(true, false), column(2, 10), 'cheapest', '', '', table]],
      ['KLING_PRICES', [table]],
      ['KLING_YEARLY', [700]],
      ['KLING_SCHEDULE', [column(700, 800)]],
      ['KLING_API_SCHEDULE', [column(2.8, 3)]],
      ['KLING_ACTUALS', log(['2026-11-03', '2026-12-01'])],
      ['KLING_CHANNELS', ['3.0', 'pro', 10, true, [[4, 4]]]],
      ['KLING_PRICE_CHANGES', [table, table]],
      ['KLING_CREDITS', ['prof', 10]],
    ];
    for (const [name, args] of calls)
      expect(
        reads(() => s.call(name, ...args)),
        name,
      ).toBe(0);
  });

  it('dates in a log of 2,000 rows, in a price table, or in any argument: read once per call', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => s.instant(Date.UTC(2026, 10, 1 + (i % 60), 12)));
    expect(reads(() => s.call('KLING_ACTUALS', ...log(many)))).toBe(1);
    const dated = bookToRows(DEFAULT_PRICE_BOOK).map((r, i) =>
      i === 0 ? [...r] : [...r.slice(0, 7), s.instant(Date.UTC(2026, 9, 5, 12))],
    );
    expect(Array.isArray(s.call('KLING_PRICES', dated))).toBe(true);
    expect(reads(() => s.call('KLING_PRICES', dated))).toBe(1);
    expect(reads(() => s.call('KLING_BUDGET', 'pro', 10, true, 3, '', '', '', dated))).toBe(1);
    expect(reads(() => s.call('KLING_CREDITS', column('pro', 'std'), column(10, 5), '', '', dated))).toBe(1);
    expect(reads(() => s.call('KLING_PRICE_CHANGES', dated, dated))).toBe(1);
    // A date where a number belongs: an error; the zone is read once at most (only if the message reads the date).
    expect(reads(() => s.call('KLING_CREDITS', 'std', s.instant(Date.UTC(2026, 2, 1))))).toBeLessThanOrEqual(1);
    expect(reads(() => s.call('KLING_CREDITS', column('std', 'pro'), column(5, s.instant(0))))).toBeLessThanOrEqual(1);
  });
});

describe('without SpreadsheetApp (a bare context), or when the zone cannot be read, the functions still work', () => {
  it("a bare context: dates read in the script's zone", () => {
    const s = sheets();
    process.env.TZ = 'Asia/Tokyo';
    try {
      // 2026-11-30 15:30 UTC is 2026-12-01 00:30 in Tokyo, the script's zone here.
      const table = s.call('KLING_ACTUALS', ...log([s.instant(Date.parse('2026-11-30T15:30:00Z'))])) as unknown[][];
      expect(table[1]?.[0]).toBe('2026-12');
      expect(s.call('KLING_CREDITS', 'pro', 10, true)).toBe(200);
      const dated = bookToRows(DEFAULT_PRICE_BOOK).map((r, i) =>
        i === 0 ? [...r] : [...r.slice(0, 7), s.instant(Date.parse('2026-10-06T15:00:00Z'))],
      );
      const prices = s.call('KLING_PRICES', dated) as unknown[][];
      expect((prices[3] as unknown[])[11]).toBe('2026-10-07');
    } finally {
      process.env.TZ = SCRIPT_ZONES[0];
    }
  });

  it("a SpreadsheetApp that throws, or answers no text: the script's zone, no error", () => {
    for (const service of [
      {
        getActiveSpreadsheet() {
          throw new Error('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
        },
      },
      { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => undefined }) },
      { getActiveSpreadsheet: () => null },
    ]) {
      const s = sheets({ SpreadsheetApp: service });
      process.env.TZ = 'Asia/Tokyo';
      try {
        const table = s.call('KLING_ACTUALS', ...log([s.instant(Date.parse('2026-11-30T15:30:00Z'))])) as unknown[][];
        expect(table[1]?.[0]).toBe('2026-12');
      } finally {
        process.env.TZ = SCRIPT_ZONES[0];
      }
    }
  });
});
