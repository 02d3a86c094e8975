import { describe, expect, it } from 'vitest';
import type { PriceBook, PriceCell, VideoModel } from '../../src/pricing';
import {
  bookFromRows,
  bookRowFormats,
  bookToRows,
  DEFAULT_PRICE_BOOK,
  InputError,
  PRICE_TABLE_HEADER,
  PricingEngine,
} from '../../src/pricing';

const rows = () => bookToRows(DEFAULT_PRICE_BOOK);

/** Row index (0-based, header = 0) of a row by section, item and field. */
function find(table: PriceCell[][], section: string, item: string, field: string): number {
  const i = table.findIndex((r) => r[0] === section && r[1] === item && r[2] === field);
  if (i < 0) throw new Error(`no row ${section} / ${item} / ${field}`);
  return i;
}

function read(table: unknown[][]): PriceBook {
  const book = bookFromRows(table);
  if (book instanceof InputError) throw book;
  return book;
}

function problem(table: unknown[][]): string {
  const result = bookFromRows(table);
  expect(result, 'the table is rejected').toBeInstanceOf(InputError);
  return (result as InputError).message;
}

const monthUsd = (book: PriceBook, need: number) => {
  const engine = new PricingEngine(book);
  return engine.monthUsd(engine.bestBundle(need, 'monthly', true), 'monthly');
};

/** A row of a model section, as a user types it into the edited table. */
const modelRow = (section: string, item: string, field: string, value: unknown, confidence = 'estimate'): unknown[] => [
  section,
  item,
  field,
  value,
  '',
  confidence,
  'observed on my account',
  '2026-10-20',
];

/** Kling 4.0 in the app: per second, 3 to 20 s, with audio and voice control. */
const KLING_40_APP: unknown[][] = [
  modelRow('App credits, Kling 4.0', 'standard', 'credits per second', 10),
  modelRow('App credits, Kling 4.0', 'standard with audio', 'credits per second', 15),
  modelRow('App credits, Kling 4.0', 'professional', 'credits per second', 14),
  modelRow('App credits, Kling 4.0', 'professional with audio', 'credits per second', 20),
  modelRow('App credits, Kling 4.0', 'professional with voice control', 'credits per second', 23.5),
  modelRow('App credits, Kling 4.0', 'shortest clip', 'seconds', 3),
  modelRow('App credits, Kling 4.0', 'longest clip', 'seconds', 20),
];

function model(book: PriceBook, name: string): VideoModel {
  const found = book.models.find((m) => m.name === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
}

describe('the price table', () => {
  it('writes a header and one row per number of the book, with unit, confidence, source and date', () => {
    const table = rows();
    expect(table[0]).toEqual([...PRICE_TABLE_HEADER]);
    expect(PRICE_TABLE_HEADER).toEqual(['Section', 'Item', 'Field', 'Value', 'Unit', 'Confidence', 'Source', 'As of']);
    // 5 plans x 5 numbers, 8 packs x 3; app: 8 (2.6) + 8 (3.0) + 2 lengths; the image and the API image;
    // API: 8 (2.6) + 6 + 2 (3.0) + 4 + 2 (Turbo) + 6 + 2 (Omni) + 4 (2.5 Turbo) + 4 (O1); the unit; 6 API packs x 3;
    // resellers: fal 3.0 (6 + 2), fal 4.0 (2 + 2), Replicate 3.0 (2 + 2), PiAPI 4.0 (2 + 2), PiAPI 4.0 Flash (1 + 2).
    expect(table.length - 1).toBe(25 + 24 + 18 + 2 + 38 + 1 + 18 + 23);
    for (const row of table.slice(1)) {
      expect(row).toHaveLength(8);
      expect(typeof row[3]).toBe('number');
      expect(['official', 'third-party', 'guide', 'estimate']).toContain(row[5]);
      expect(String(row[6]).length).toBeGreaterThan(5);
      expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const keys = table.slice(1).map((r) => `${r[0]}|${r[1]}|${r[2]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(table[find(table, 'Plan', 'Standard', 'monthly renewal')]?.[3]).toBe(8.8);
    expect(table[find(table, 'Plan', 'Ultra', 'yearly')]?.[3]).toBe(1429.99);
    expect(table[find(table, 'Plan', 'Free', 'credits per day')]?.[3]).toBe(66);
    expect(table[find(table, 'Top-up pack', 'Pack 4', 'bonus credits')]?.[3]).toBe(200);
    expect(table[find(table, 'App credits, Kling 3.0', 'professional with voice control', 'credits per second')]?.[3]).toBe(14);
    expect(table[find(table, 'App credits, Kling 3.0', 'shortest clip', 'seconds')]?.[3]).toBe(3);
    expect(table[find(table, 'App credits, Kling 3.0', 'longest clip', 'seconds')]?.[3]).toBe(15);
    expect(table[find(table, 'API, Kling 3.0', 'standard', 'USD per second')]?.[3]).toBe(0.084);
    expect(table[find(table, 'API, Kling 2.6', 'professional 10 s with voice control', 'USD per clip')]?.[3]).toBe(1.68);
    expect(table[find(table, 'API, Kling 2.5 Turbo', 'professional 5 s', 'USD per clip')]?.[3]).toBe(0.35);
    expect(table[find(table, 'App credits, Kling 2.6', 'professional 10 s with audio', 'credits per clip')]?.[6]).toContain('~200');
    expect(table[find(table, 'API pack', 'Pack 2', 'price')]?.[5]).toBe('third-party');
    expect(table[find(table, 'API unit', 'unit', 'USD per unit')]?.[3]).toBe(0.14);
    expect(table[find(table, 'Images', 'API image', 'USD per image')]?.[3]).toBe(0.028);
    expect(table[find(table, 'API, Kling O1', 'professional 10 s', 'USD per clip')]?.[3]).toBe(1.12);
    expect(table[find(table, 'Reseller PiAPI, Kling 4.0', 'standard with audio', 'USD per second')]?.[3]).toBe(0.1667);
    expect(table[find(table, 'Reseller PiAPI, Kling 4.0', 'longest clip', 'seconds')]?.[3]).toBe(30);
    expect(table[find(table, 'Reseller fal, Kling 4.0', 'professional with audio', 'USD per second')]?.[5]).toBe('third-party');
    expect(table[find(table, 'Reseller Replicate, Kling 3.0', 'professional', 'USD per second')]?.[7]).toBe('2026-03-13');
    // No app rows for the API-only and reseller-only models, no API rows for 4.0; no terms rows (pay as you go).
    for (const name of ['Kling 3.0 Turbo', 'Kling O1', 'Kling 4.0', 'Kling 4.0 Flash']) {
      expect(table.some((r) => r[0] === `App credits, ${name}`)).toBe(false);
    }
    expect(table.some((r) => r[0] === 'API, Kling 4.0')).toBe(false);
    expect(table.some((r) => r[0] === 'Reseller fal' || r[0] === 'Reseller PiAPI')).toBe(false);
    // Resellers come last, provider by provider in the book's order (fal, Replicate, PiAPI).
    const resellers = table.slice(1).filter((r) => String(r[0]).startsWith('Reseller '));
    expect([...new Set(resellers.map((r) => r[0]))]).toEqual([
      'Reseller fal, Kling 3.0',
      'Reseller fal, Kling 4.0',
      'Reseller Replicate, Kling 3.0',
      'Reseller PiAPI, Kling 4.0',
      'Reseller PiAPI, Kling 4.0 Flash',
    ]);
    expect(table.slice(-resellers.length)).toEqual(resellers);
  });

  it('gives each row a number format: API, reseller and API image prices with up to four decimals, plan prices with two', () => {
    const table = rows();
    const formats = bookRowFormats(DEFAULT_PRICE_BOOK);
    expect(formats).toHaveLength(table.length - 1);
    expect(formats[find(table, 'API, Kling 3.0', 'standard', 'USD per second') - 1]).toBe('$0.00##');
    expect(formats[find(table, 'Reseller PiAPI, Kling 4.0', 'standard with audio', 'USD per second') - 1]).toBe('$0.00##');
    expect(formats[find(table, 'Images', 'API image', 'USD per image') - 1]).toBe('$0.00##');
    expect(formats[find(table, 'Plan', 'Pro', 'yearly') - 1]).toBe('$#,##0.00');
  });

  it('reads back into exactly the default book', () => {
    expect(read(rows())).toEqual(DEFAULT_PRICE_BOOK);
  });

  it('reads an edited value, and the engine answers with it', () => {
    const table = rows();
    const i = find(table, 'Plan', 'Pro', 'monthly renewal');
    table[i] = ['Plan', 'Pro', 'monthly renewal', 30, 'USD per month', 'official', 'Kling invoice 2026-12', '2026-12-20'];
    const book = read(table);
    const pro = book.plans.find((p) => p.id === 'pro');
    expect(pro?.renewalCents).toBe(3000);
    // The plan's provenance: every source of its rows, the newest date, the weakest confidence.
    expect(pro?.source).toContain('Kling invoice 2026-12');
    expect(pro?.source).toContain('kling.ai/llms.txt');
    expect(pro?.asOf).toBe('2026-12-20');
    expect(book.asOf).toBe('2026-12-20');
    expect(read(rows()).asOf).toBe('2026-12-06');
    expect(monthUsd(book, 2000)).toBe(30);
    table[i] = ['Plan', 'Pro', 'monthly renewal', 30, 'USD per month', 'Third-party', 'a reseller', '2026-12-20'];
    expect(read(table).plans.find((p) => p.id === 'pro')?.confidence).toBe('third-party');
  });

  it('accepts numbers as text, any case and spacing of names, dates as date cells, and skips blank rows', () => {
    const table: unknown[][] = rows().map((r) => [...r]);
    const i = find(rows(), 'Top-up pack', 'Pack 1', 'price');
    table[i] = ['  top-up PACK ', 'pack 1', 'Price', '6.00', '', 'Official', 'shop', new Date(Date.UTC(2026, 10, 2, 23))];
    table.splice(5, 0, ['', '', '', '', '', '', '', '']);
    const book = read(table);
    expect(book.packs[0]?.priceCents).toBe(600);
    expect(book.packs[0]?.asOf).toBe('2026-11-03');
  });

  it('reads a date cell as the calendar date of the sheet for time zones from UTC-11 to UTC+12', () => {
    for (const offsetHours of [-11, -5, 0, 5.5, 12]) {
      // Midnight of 2026-09-01 in a zone at UTC+offset is this instant.
      const instant = new Date(Date.UTC(2026, 8, 1) - offsetHours * 3600_000);
      const table: unknown[][] = rows().map((r) => [...r]);
      const i = find(rows(), 'Images', 'image', 'credits per image');
      table[i] = [...(table[i] as unknown[]).slice(0, 7), instant];
      expect(read(table).images.asOf, `UTC${offsetHours >= 0 ? '+' : ''}${offsetHours}`).toBe('2026-09-01');
    }
  });

  it('takes an added pack as Pack 9 and uses it', () => {
    const table: unknown[][] = rows();
    table.push(['Top-up pack', 'Pack 9', 'price', 3, 'USD', 'official', 'new pack', '2026-11-01']);
    table.push(['Top-up pack', 'Pack 9', 'credits', 330, 'credits', 'official', 'new pack', '2026-11-01']);
    table.push(['Top-up pack', 'Pack 9', 'bonus credits', 0, 'credits', 'official', 'new pack', '2026-11-01']);
    const book = read(table);
    expect(book.packs).toHaveLength(9);
    expect(monthUsd(book, 700)).toBe(11.8);
    expect(bookToRows(book)).toHaveLength(rows().length + 3);
  });

  it('a pack whose rows are all removed is no longer offered; the others keep their prices', () => {
    const table: unknown[][] = rows().filter((r) => !(r[0] === 'Top-up pack' && r[1] === 'Pack 1'));
    const book = read(table);
    expect(book.packs.map((p) => p.priceCents)).toEqual([1000, 2000, 5000, 10000, 20000, 60000, 120000]);
    // 700 credits: Standard + the 660-credit pack, no 330-credit pack to buy.
    expect(monthUsd(book, 700)).toBe(18.8);
  });

  describe('models are data: rows of "App credits, <model>" and "API, <model>"', () => {
    it('a model priced per second, added by its rows, with audio and voice control', () => {
      const book = read([...rows(), ...KLING_40_APP]);
      const m = model(book, 'Kling 4.0');
      expect(m.api).toBeNull();
      expect(m.app?.per).toBe('second');
      expect([m.app?.shortest?.seconds, m.app?.longest?.seconds]).toEqual([3, 20]);
      expect(m.app?.rates.map((r) => [r.mode, r.audio, r.secs, r.value, r.confidence])).toEqual([
        ['standard', 'silent', null, 10, 'estimate'],
        ['standard', 'audio', null, 15, 'estimate'],
        ['professional', 'silent', null, 14, 'estimate'],
        ['professional', 'audio', null, 20, 'estimate'],
        ['professional', 'voice', null, 23.5, 'estimate'],
      ]);
      const engine = new PricingEngine(book);
      expect(engine.clipCredits({ model: '4.0', mode: 'professional', secs: 20, audio: 'audio' })).toBe(400);
      expect(engine.clipCredits({ model: 4, mode: 'professional', secs: 3, audio: 'voice' } as never)).toBe(70.5);
      expect(engine.clipCredits({ model: 'Kling 4.0', mode: 'professional', secs: 7, audio: 'voice' })).toBe(164.5);
      expect(() => engine.clipCredits({ model: '4.0', mode: 'standard', secs: 21, audio: 'silent' })).toThrow(
        'secs 21 is not a clip length Kling 4.0 makes; use a whole number of seconds from 3 to 20',
      );
      expect(() => engine.clipCredits({ model: '4.0', mode: '4k', secs: 5, audio: 'silent' })).toThrow(
        'mode "4k" is not offered by Kling 4.0; use standard or professional',
      );
      expect(() => engine.clipCredits({ model: '4.0', mode: 'standard', secs: 5, audio: 'voice' })).toThrow(
        'audio "voice": Kling 4.0 offers no standard clip with voice control; use audio FALSE or TRUE, or professional with voice control',
      );
      // Written back the same way.
      const again = bookToRows(book);
      expect(again.filter((r) => r[0] === 'App credits, Kling 4.0').map((r) => [r[1], r[2], r[3]])).toEqual(
        KLING_40_APP.map((r) => [r[1], r[2], r[3]]),
      );
      // Read back: the same models (a model without API rows now follows the app rows of the others).
      const byName = (b: PriceBook) => [...b.models].sort((x, y) => x.name.localeCompare(y.name));
      expect(byName(read(again))).toEqual(byName(book));
    });

    it('a model priced per clip, and API rows of the same model under another spelling of its name', () => {
      const section = 'App credits, Kling 4.0';
      const book = read([
        ...rows(),
        modelRow(section, 'standard 5 s', 'credits per clip', 12),
        modelRow(section, 'standard 8 s', 'credits per clip', 19),
        modelRow(section, 'professional 8 s with audio', 'credits per clip', 66.25),
        modelRow('API, 4.0', 'standard 5 s', 'USD per clip', 0.3333),
      ]);
      const m = model(book, 'Kling 4.0');
      expect(m.app?.per).toBe('clip');
      expect(m.app?.shortest).toBeNull();
      expect(m.api?.rates.map((r) => [r.mode, r.secs, r.value])).toEqual([['standard', 5, 3333]]);
      // The resellers of the default book still sell it: one model, whatever section defines it.
      expect(m.resellers.map((r) => r.provider)).toEqual(['fal', 'PiAPI']);
      expect(book.models.filter((x) => x.name === 'Kling 4.0')).toHaveLength(1);
      const engine = new PricingEngine(book);
      expect(engine.clipCredits({ model: '4', mode: 'professional', secs: 8, audio: 'audio' })).toBe(66.25);
      expect(engine.apiTicks({ model: '4.0', mode: 'standard', secs: 5, audio: 'silent' })).toBe(3333);
      expect(() => engine.clipCredits({ model: '4.0', mode: 'standard', secs: 6, audio: 'silent' })).toThrow(
        'secs 6 is not a clip length Kling 4.0 makes; use 5 or 8',
      );
      expect(() => engine.clipCredits({ model: '4.0', mode: 'professional', secs: 8, audio: 'silent' })).toThrow(
        'audio FALSE: Kling 4.0 offers no professional clip without audio; use audio TRUE, or standard without audio',
      );
      expect(() => engine.clipCredits({ model: '4.0', mode: 'standard', secs: 8, audio: 'audio' })).toThrow(
        'audio TRUE: Kling 4.0 offers no standard clip with native audio; use audio FALSE, or professional with native audio',
      );
    });

    it('a model with API rows only', () => {
      const book = read([
        ...rows(),
        modelRow('API, Kling 5.0', 'professional', 'USD per second', 0.2),
        ...lengths('API, Kling 5.0', 5, 10),
      ]);
      const m = model(book, 'Kling 5.0');
      expect(m.app).toBeNull();
      expect(m.resellers).toEqual([]);
      const engine = new PricingEngine(book);
      expect(engine.apiTicks({ model: '5', mode: 'professional', secs: 7, audio: 'silent' })).toBe(14_000);
      expect(() => engine.clipCredits({ model: '5.0', mode: 'professional', secs: 7, audio: 'silent' })).toThrow(
        'Kling 5.0 has no app credits in the price book; it is sold by Kling\'s API (KLING_API_COST); rows "App credits, Kling 5.0" in the price table (Edit prices) add app credits',
      );
      // API rows added to a model resellers sell: both are named.
      const both = new PricingEngine(
        read([
          ...rows(),
          modelRow('API, Kling 4.0', 'professional with audio', 'USD per second', 0.2),
          ...lengths('API, Kling 4.0', 3, 30),
        ]),
      );
      expect(() => both.clipCredits({ model: '4.0', mode: 'professional', secs: 7, audio: 'audio' })).toThrow(
        'Kling 4.0 has no app credits in the price book; it is sold by Kling\'s API (KLING_API_COST) and by fal and PiAPI (KLING_API_COST with provider); rows "App credits, Kling 4.0" in the price table (Edit prices) add app credits',
      );
    });

    it('a table without the default model keeps only its own models: the default book is never mixed in', () => {
      const table = rows().filter((r) => !String(r[0]).endsWith('Kling 2.6'));
      const book = read([...table, ...KLING_40_APP]);
      expect(book.models.map((m) => m.name)).toEqual([
        'Kling 3.0',
        'Kling 3.0 Turbo',
        'Kling 3.0 Omni',
        'Kling 2.5 Turbo',
        'Kling O1',
        'Kling 4.0',
        'Kling 4.0 Flash',
      ]);
      expect(new PricingEngine(book).models.defaultModel).toBeUndefined();
    });

    const at = (table: unknown[][], row: unknown[]) => table.indexOf(row) + 1;

    it('a model priced per second without its shortest or longest clip: an error naming the missing row', () => {
      const noShortest = [...rows(), ...KLING_40_APP.filter((r) => r[1] !== 'shortest clip')];
      expect(problem(noShortest)).toBe(
        'the row App credits, Kling 4.0, shortest clip, seconds is missing; a model priced per second needs its shortest and longest clip',
      );
      const noLongest = [...rows(), ...KLING_40_APP.filter((r) => r[1] !== 'longest clip')];
      expect(problem(noLongest)).toMatch(/^the row App credits, Kling 4\.0, longest clip, seconds is missing/);
    });

    it('prices per clip and per second mixed in one section: the row and column of the first that differs', () => {
      const bad = modelRow('App credits, Kling 4.0', 'standard 5 s', 'credits per clip', 12);
      const table = [...rows(), ...KLING_40_APP, bad];
      expect(problem(table)).toBe(
        `row ${at(table, bad)}, column C (Field): App credits, Kling 4.0 mixes prices per clip and per second; a model is priced one way (write a fixed list of lengths per clip)`,
      );
    });

    const cases: [what: string, row: unknown[], message: RegExp][] = [
      [
        'an unknown item',
        modelRow('App credits, Kling 4.0', 'cinematic', 'credits per second', 5),
        /column B \(Item\): "cinematic" is not an item of App credits, Kling 4\.0; use a mode/,
      ],
      [
        'an unknown mode',
        modelRow('App credits, Kling 4.0', '8k with audio', 'credits per second', 5),
        /column B \(Item\): "8k with audio" is not an item/,
      ],
      [
        'an unknown field',
        modelRow('App credits, Kling 4.0', 'standard', 'credits per minute', 5),
        /column C \(Field\): "credits per minute" is not a field of App credits, Kling 4\.0; use credits per clip or credits per second/,
      ],
      [
        'an API field in an app section',
        modelRow('App credits, Kling 4.0', 'standard', 'USD per second', 5),
        /column C \(Field\): "USD per second" is not a field/,
      ],
      [
        'a word for a value',
        modelRow('App credits, Kling 4.0', 'standard with audio', 'credits per second', 'about 15'),
        /column D \(Value\): "about 15" is not a number; use a number of credits above 0 with at most 2 decimals/,
      ],
      [
        'three decimals of credits',
        modelRow('App credits, Kling 4.0', 'standard with audio', 'credits per second', 15.125),
        /column D \(Value\): 15\.125 has more than 2 decimals/,
      ],
      [
        'zero credits',
        modelRow('App credits, Kling 4.0', 'standard with audio', 'credits per second', 0),
        /column D \(Value\): 0 is not above 0/,
      ],
      [
        'a fraction of a second',
        modelRow('App credits, Kling 4.0', 'longest clip', 'seconds', 12.5),
        /column D \(Value\): 12\.5 is not a whole number; use a whole number of seconds from 1 to 600/,
      ],
      [
        'a length in a per-second item',
        modelRow('App credits, Kling 4.0', 'standard 5 s', 'credits per second', 5),
        /column B \(Item\): "standard 5 s" names a length; a price per second does not/,
      ],
      [
        'a bad confidence',
        modelRow('App credits, Kling 4.0', 'standard with audio', 'credits per second', 15, 'sure'),
        /column F \(Confidence\): "sure" is not a confidence; use official, third-party, guide or estimate/,
      ],
      [
        'a section without a model name',
        modelRow('App credits, ', 'standard', 'credits per second', 5),
        /column A \(Section\): "App credits, " is not a section of the price table/,
      ],
    ];
    for (const [what, bad, message] of cases) {
      it(`${what}: its row and column`, () => {
        const table = [...rows(), ...KLING_40_APP.filter((r) => !(r[1] === bad[1] && r[2] === bad[2])), bad];
        const text = problem(table);
        expect(text).toMatch(new RegExp(`^row ${at(table, bad)}, `));
        expect(text).toMatch(message);
      });
    }

    it('a duplicate model row: the row that repeats and the one it repeats', () => {
      const first = KLING_40_APP[1] as unknown[];
      const again = [...first];
      const table = [...rows(), ...KLING_40_APP, again];
      expect(problem(table)).toBe(
        `row ${at(table, again)}, column C (Field): this row repeats row ${at(table, first)} (App credits, Kling 4.0, standard with audio); keep one row per price`,
      );
      // The same price under another spelling of the item is the same row.
      const spelled = modelRow('App credits, kling 4.0', 'Standard  with native audio', 'Credits per second', 16);
      const table2 = [...rows(), ...KLING_40_APP, spelled];
      expect(problem(table2)).toMatch(
        new RegExp(`^row ${at(table2, spelled)}, column C \\(Field\\): this row repeats row ${at(table2, first)}`),
      );
      const bound = modelRow('App credits, Kling 4.0', 'longest clip', 'seconds', 25);
      const table3 = [...rows(), ...KLING_40_APP, bound];
      expect(problem(table3)).toMatch(
        new RegExp(`^row ${at(table3, bound)}, column B \\(Item\\): this row repeats row ${at(table3, KLING_40_APP[6] as unknown[])}`),
      );
    });

    it('a longest clip shorter than the shortest; lengths in a model priced per clip; a section with no price', () => {
      const short = modelRow('App credits, Kling 4.0', 'longest clip', 'seconds', 2);
      const table = [...rows(), ...KLING_40_APP.filter((r) => r[1] !== 'longest clip'), short];
      expect(problem(table)).toBe(`row ${at(table, short)}, column D (Value): the longest clip (2 s) is shorter than the shortest (3 s)`);
      const clipRow = modelRow('App credits, Kling 4.0', 'standard 5 s', 'credits per clip', 12);
      const bound = modelRow('App credits, Kling 4.0', 'shortest clip', 'seconds', 3);
      const table2 = [...rows(), clipRow, bound];
      expect(problem(table2)).toMatch(
        new RegExp(`^row ${at(table2, bound)}, column B \\(Item\\): App credits, Kling 4\\.0 is priced per clip`),
      );
      expect(problem([...rows(), ...lengths('App credits, Kling 4.0', 3, 20)])).toMatch(/^App credits, Kling 4\.0 has no prices/);
    });
  });

  describe('money: cents for plans and packs, ticks (4 decimals) for API and reseller prices, checked with an absolute tolerance', () => {
    const edit = (section: string, item: string, field: string, value: unknown) => {
      const table: unknown[][] = rows();
      const i = find(rows(), section, item, field);
      (table[i] as unknown[])[3] = value;
      return { table, row: i + 1 };
    };

    it('a plan or pack price with more than two decimals is refused, large or small', () => {
      for (const [section, item, field] of [
        ['Plan', 'Ultra', 'yearly'],
        ['Plan', 'Standard', 'first month'],
        ['Top-up pack', 'Pack 8', 'price'],
        ['API pack', 'Pack 4', 'price'],
      ] as const) {
        for (const value of [123_456.789, 0.001, 6.995, 1429.991, '123,456.789']) {
          const { table, row } = edit(section, item, field, value);
          expect(problem(table), `${section} ${item} ${value}`).toMatch(
            new RegExp(`^row ${row}, column D \\(Value\\): .* has more than 2 decimals`),
          );
        }
        // Float noise is not a third decimal: 0.1 + 0.2, 1,234.56 typed as text.
        for (const value of [0.1 + 0.2, 123_456.78, '1,234.56', 999_999.99]) {
          expect(bookFromRows(edit(section, item, field, value).table), `${section} ${item} ${value}`).not.toBeInstanceOf(InputError);
        }
      }
      expect(read(edit('Plan', 'Ultra', 'yearly', 123_456.78).table).plans[4]?.yearlyCents).toBe(12_345_678);
    });

    it('API and reseller prices keep four decimals ($0.1667), a fifth is refused', () => {
      const ok = read(edit('API, Kling 3.0', 'standard', 'USD per second', 0.0845).table);
      expect(model(ok, 'Kling 3.0').api?.rates[0]?.value).toBe(845);
      expect(model(read(edit('API, Kling 3.0', 'standard', 'USD per second', '0.0001').table), 'Kling 3.0').api?.rates[0]?.value).toBe(1);
      const { table, row } = edit('API, Kling 3.0', 'standard', 'USD per second', 0.08455);
      expect(problem(table)).toBe(
        `row ${row}, column D (Value): 0.08455 has more than 4 decimals; use a price in USD above 0 with at most 4 decimals`,
      );
      const unit = edit('API unit', 'unit', 'USD per unit', 0.14005);
      expect(problem(unit.table)).toMatch(new RegExp(`^row ${unit.row}, column D \\(Value\\): 0\\.14005 has more than 4 decimals`));
      const reseller = edit('Reseller PiAPI, Kling 4.0', 'standard with audio', 'USD per second', 0.16667);
      expect(problem(reseller.table)).toMatch(new RegExp(`^row ${reseller.row}, column D \\(Value\\): 0\\.16667 has more than 4 decimals`));
      const image = edit('Images', 'API image', 'USD per image', 0.02805);
      expect(problem(image.table)).toMatch(new RegExp(`^row ${image.row}, column D \\(Value\\): 0\\.02805 has more than 4 decimals`));
      // Float noise is not a fifth decimal: 0.1 + 0.0667 is 0.16670000000000001.
      const noisy = read(edit('Reseller PiAPI, Kling 4.0', 'standard with audio', 'USD per second', 0.1 + 0.0667).table);
      expect(model(noisy, 'Kling 4.0').resellers.find((r) => r.provider === 'PiAPI')?.table.rates[0]?.value).toBe(1667);
    });

    it('a price above a million dollars is too large', () => {
      const { table, row } = edit('Plan', 'Ultra', 'yearly', 1_000_000.01);
      expect(problem(table)).toMatch(new RegExp(`^row ${row}, column D \\(Value\\): 1000000\\.01 is too large`));
    });
  });

  describe('rejects a broken table with the row and column of the first bad cell, never mixing in the default', () => {
    const cases: [what: string, field: [string, string, string], column: number, value: unknown, expected: RegExp][] = [
      [
        'a word for a price',
        ['Plan', 'Pro', 'monthly renewal'],
        3,
        'about 30',
        /column D \(Value\): "about 30" is not a number; use a price in USD above 0/,
      ],
      ['an empty value', ['Plan', 'Pro', 'yearly'], 3, '', /column D \(Value\): the value is missing/],
      ['a negative price', ['Top-up pack', 'Pack 2', 'price'], 3, -10, /column D \(Value\): -10 is not above 0/],
      ['a zero price', ['Plan', 'Standard', 'first month'], 3, 0, /column D \(Value\): 0 is not above 0/],
      ['three decimals on a price', ['Plan', 'Ultra', 'list monthly'], 3, 180.005, /column D \(Value\): 180.005 has more than 2 decimals/],
      ['a fraction of a credit', ['Plan', 'Pro', 'credits per month'], 3, 3000.5, /column D \(Value\): 3000.5 is not a whole number/],
      ['infinity', ['API, Kling 3.0', '4k', 'USD per second'], 3, Infinity, /column D \(Value\): infinity is not a finite number/],
      ['not-a-number', ['Images', 'image', 'credits per image'], 3, NaN, /column D \(Value\): not-a-number is not a number/],
      [
        'TRUE for a number',
        ['App credits, Kling 2.6', 'standard 5 s', 'credits per clip'],
        3,
        true,
        /column D \(Value\): TRUE is not a number/,
      ],
      [
        'an unknown confidence',
        ['Plan', 'Pro', 'first month'],
        5,
        'sure',
        /column F \(Confidence\): "sure" is not a confidence; use official, third-party, guide or estimate/,
      ],
      ['an empty source', ['Plan', 'Pro', 'first month'], 6, ' ', /column G \(Source\): the source is missing/],
      [
        'a date that is not ISO',
        ['Plan', 'Pro', 'first month'],
        7,
        '12/08/2026',
        /column H \(As of\): "12\/08\/2026" is not a date; use a date such as 2026-08-12/,
      ],
      ['an impossible date', ['Plan', 'Pro', 'first month'], 7, '2026-02-30', /column H \(As of\): "2026-02-30" is not a date/],
      [
        'an unknown section',
        ['Plan', 'Pro', 'first month'],
        0,
        'Plans!',
        /column A \(Section\): "Plans!" is not a section of the price table; use Plan, Top-up pack, App credits, <model>, Images, API, <model>, API unit, API pack, Reseller <provider>, <model> or Reseller <provider>/,
      ],
      [
        'an unknown item',
        ['Plan', 'Pro', 'first month'],
        1,
        'Gold',
        /column B \(Item\): "Gold" is not a plan; use Free, Standard, Pro, Premier, Ultra/,
      ],
      [
        'an unknown field',
        ['Plan', 'Pro', 'first month'],
        2,
        'second month',
        /column C \(Field\): "second month" is not a field of Plan Pro/,
      ],
      [
        'a pack number out of range',
        ['Top-up pack', 'Pack 3', 'price'],
        1,
        'Pack 51',
        /column B \(Item\): "Pack 51" is not an item of Top-up pack; use Pack 1 to Pack 50/,
      ],
    ];
    for (const [what, [section, item, field], column, value, expected] of cases) {
      it(what, () => {
        const table: unknown[][] = rows();
        const i = find(rows(), section, item, field);
        (table[i] as unknown[])[column] = value;
        const message = problem(table);
        expect(message).toMatch(new RegExp(`^row ${i + 1}, `));
        expect(message).toMatch(expected);
      });
    }

    it('a duplicate row', () => {
      const table: unknown[][] = rows();
      const i = find(rows(), 'Plan', 'Pro', 'first month');
      table.push([...(table[i] as unknown[])]);
      expect(problem(table)).toBe(
        `row ${table.length}, column C (Field): this row repeats row ${i + 1} (Plan, Pro, first month); keep one row per price`,
      );
    });

    it('a missing row', () => {
      const table: unknown[][] = rows();
      table.splice(find(rows(), 'Plan', 'Premier', 'yearly'), 1);
      expect(problem(table)).toMatch(/^the row Plan, Premier, yearly is missing; every row of the price table is needed/);
      const images = rows().filter((r) => r[0] !== 'Images');
      expect(problem(images)).toMatch(/^the row Images, image, credits per image is missing/);
      const unit = rows().filter((r) => r[0] !== 'API unit');
      expect(problem(unit)).toMatch(/^the row API unit, unit, USD per unit is missing; API packs are counted in units of this price/);
    });

    it('a pack with one of its rows missing', () => {
      const table: unknown[][] = rows().filter((r) => !(r[1] === 'Pack 3' && r[2] === 'credits' && r[0] === 'Top-up pack'));
      expect(problem(table)).toMatch(/^the row Top-up pack, Pack 3, credits is missing/);
    });

    it('a wrong or missing header', () => {
      const table: unknown[][] = rows();
      table[0] = ['Section', 'Item', 'Field', 'Price', 'Unit', 'Confidence', 'Source', 'As of'];
      expect(problem(table)).toMatch(/^row 1, column D \(Value\): expected the header "Value", found "Price"/);
      expect(problem(rows().slice(1))).toMatch(/^row 1, column A \(Section\): expected the header "Section", found "Plan"/);
    });

    it('too few columns, or nothing', () => {
      expect(problem(rows().map((r) => r.slice(0, 7)))).toMatch(/needs 8 columns \(A to H/);
      expect(problem([])).toMatch(/needs 8 columns/);
      expect(problem([['', '', '', '', '', '', '', '']])).toMatch(/the price table is empty/);
    });

    it('the first bad cell in table order', () => {
      const table: unknown[][] = rows();
      const a = find(rows(), 'Plan', 'Standard', 'yearly');
      const b = find(rows(), 'Plan', 'Ultra', 'yearly');
      (table[b] as unknown[])[3] = 'x';
      (table[a] as unknown[])[7] = 'y';
      expect(problem(table)).toMatch(new RegExp(`^row ${a + 1}, column H`));
    });
  });

  describe('whole-column ranges: 125,000 rows and more', () => {
    const blank = () => ['', '', '', '', '', '', '', ''];

    it('the table followed by 150,000 blank rows, or after 2,000 of them, reads as the table', () => {
      const after = [...rows(), ...Array.from({ length: 150_000 }, blank)];
      expect(read(after)).toEqual(DEFAULT_PRICE_BOOK);
      const before = [...Array.from({ length: 2_000 }, blank), ...rows()];
      expect(read(before)).toEqual(DEFAULT_PRICE_BOOK);
    });

    it('125,000 rows of notes after the table: a clean message naming the first of them', () => {
      const table: unknown[][] = [...rows(), ...Array.from({ length: 125_000 }, (_, i) => [`note ${i}`, '', '', '', '', '', '', ''])];
      expect(problem(table)).toBe(
        `row ${rows().length + 1}, column A (Section): "note 0" is not a section of the price table; use Plan, Top-up pack, App credits, <model>, Images, API, <model>, API unit, API pack, Reseller <provider>, <model> or Reseller <provider>`,
      );
    });

    it('a valid table with data below row 5,000 (where native formulas stop reading): refused, naming the row', () => {
      const blank = Array.from({ length: 6_000 - rows().length }, () => ['', '', '', '', '', '', '', '']);
      const table: unknown[][] = [...rows(), ...blank, ['a note far below', '', '', '', '', '', '', '']];
      expect(problem(table)).toBe('row 6001 holds data, below the 5,000 rows a price table may use; move it up');
      const within = [...rows(), ...blank.slice(0, 4_000 - rows().length)];
      expect(read(within).plans).toHaveLength(5);
    });

    it('130,000 rows of a user-added model per clip, all distinct: read, and every length priced', () => {
      const extra = Array.from({ length: 130_000 }, (_, i) =>
        modelRow('App credits, Kling 9', `standard ${(i % 600) + 1} s`, 'credits per clip', 1 + (i % 600)),
      );
      // Each length once: 600 rows; the rest repeat one and are refused with their row.
      const table = [...rows(), ...extra];
      expect(problem(table)).toMatch(
        new RegExp(`^row ${rows().length + 601}, column C \\(Field\\): this row repeats row ${rows().length + 1}`),
      );
      const once = [...rows(), ...extra.slice(0, 600)];
      const book = read(once);
      expect(model(book, 'Kling 9').app?.rates).toHaveLength(600);
    });
  });
});

/** The shortest and longest clip rows of a model section. */
function lengths(section: string, shortest: number, longest: number): unknown[][] {
  return [modelRow(section, 'shortest clip', 'seconds', shortest), modelRow(section, 'longest clip', 'seconds', longest)];
}

describe('resellers as rows (channels.md): Reseller <provider>, <model> and the terms rows Reseller <provider>', () => {
  const terms = (provider: string, item: string, field: string, value: unknown): unknown[] => [
    `Reseller ${provider}`,
    item,
    field,
    value,
    '',
    'third-party',
    `${provider}'s pricing page`,
    '2026-12-01',
  ];
  /** Acme sells Kling 3.0 professional with audio per second, 3 to 15 s, and Kling 2.6 per clip. */
  const ACME: unknown[][] = [
    terms('Acme', 'minimum purchase', 'USD', 25),
    terms('Acme', 'credit validity', 'days', 90),
    modelRow('Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.15, 'third-party'),
    modelRow('Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 3, 'third-party'),
    modelRow('Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 15, 'third-party'),
    modelRow('Reseller Acme, 2.6', 'professional 10 s', 'USD per clip', 0.5, 'official'),
  ];

  it('reads a provider, its terms and its prices; the provider comes in the order of its first row', () => {
    const book = read([...rows(), ...ACME]);
    expect(book.providers.map((p) => p.name)).toEqual(['fal', 'Replicate', 'PiAPI', 'Acme']);
    const acme = book.providers[3];
    expect(acme).toMatchObject({ name: 'Acme', minimumCents: 2500, validityDays: 90 });
    expect(acme?.minimum).toEqual({ confidence: 'third-party', source: "Acme's pricing page", asOf: '2026-12-01' });
    expect(acme?.validity?.asOf).toBe('2026-12-01');
    // "2.6" names Kling 2.6: the model-name rule.
    expect(model(book, 'Kling 2.6').resellers.map((r) => r.provider)).toEqual(['Acme']);
    expect(model(book, 'Kling 3.0').resellers.map((r) => r.provider)).toEqual(['fal', 'Replicate', 'Acme']);
    const engine = new PricingEngine(book);
    expect(engine.channelTicks({ model: '3', mode: 'professional', secs: 10, audio: 'audio' }, { provider: 'ACME' })).toBe(15_000);
    expect(engine.channelTicks({ model: '2.6', mode: 'professional', secs: 10, audio: 'silent' }, { provider: ' acme ' })).toBe(5_000);
    // Written back (terms first, then each model it sells) and read again: the same book.
    const again = bookToRows(book);
    expect(again.filter((r) => String(r[0]).startsWith('Reseller Acme')).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['Reseller Acme', 'minimum purchase', 'USD', 25],
      ['Reseller Acme', 'credit validity', 'days', 90],
      ['Reseller Acme, Kling 2.6', 'professional 10 s', 'USD per clip', 0.5],
      ['Reseller Acme, Kling 3.0', 'professional with audio', 'USD per second', 0.15],
      ['Reseller Acme, Kling 3.0', 'shortest clip', 'seconds', 3],
      ['Reseller Acme, Kling 3.0', 'longest clip', 'seconds', 15],
    ]);
    expect(read(again)).toEqual(book);
  });

  it('a provider whose first row comes before the others is first; names are matched like models (case, spaces)', () => {
    const book = read([rows()[0] as PriceCell[], ...ACME, ...rows().slice(1)]);
    expect(book.providers.map((p) => p.name)).toEqual(['Acme', 'fal', 'Replicate', 'PiAPI']);
    const spelled = modelRow('reseller   FAL ,  kling 4.0', 'Standard with native audio', 'usd per second', 0.2, 'third-party');
    const table = [...rows(), spelled];
    const first = find(rows(), 'Reseller fal, Kling 4.0', 'standard with audio', 'USD per second');
    expect(problem(table)).toBe(
      `row ${table.length}, column C (Field): this row repeats row ${first + 1} (Reseller fal, Kling 4.0, standard with audio); keep one row per price`,
    );
  });

  it('terms are optional: no minimum is pay as you go, no validity never expires; only the terms rows: a provider that sells nothing', () => {
    const book = read([...rows(), terms('Nobody', 'minimum purchase', 'USD', 0)]);
    expect(book.providers.find((p) => p.name === 'Nobody')).toMatchObject({ minimumCents: 0, validityDays: null, validity: null });
    expect(book.models.some((m) => m.resellers.some((r) => r.provider === 'Nobody'))).toBe(false);
  });

  const bad: [what: string, row: unknown[], message: RegExp][] = [
    [
      'a blank provider',
      modelRow('Reseller , Kling 3.0', 'professional', 'USD per second', 0.1),
      /column A \(Section\): "Reseller , Kling 3\.0" names no provider/,
    ],
    [
      'the provider Kling',
      modelRow('Reseller kling, Kling 3.0', 'professional', 'USD per second', 0.1),
      /column A \(Section\): .* names Kling, whose own API is the section API, <model>/,
    ],
    ['Kling as a terms row', terms('Kling', 'minimum purchase', 'USD', 5), /column A \(Section\): "Reseller Kling" names Kling/],
    [
      'no model after the comma',
      modelRow('Reseller fal, ', 'professional', 'USD per second', 0.1),
      /column A \(Section\): "Reseller fal, " names no model/,
    ],
    [
      'a comma in the provider',
      modelRow('Reseller a, b, Kling 3.0', 'professional', 'USD per second', 0.1),
      /column A \(Section\): .* holds a comma/,
    ],
    [
      'a minimum above 1,000,000',
      terms('Acme', 'minimum purchase', 'USD', 1_000_000.01),
      /column D \(Value\): 1000000\.01 is too large; use an amount in USD from 0 to 1,000,000 with at most 2 decimals/,
    ],
    ['a minimum with 3 decimals', terms('Acme', 'minimum purchase', 'USD', 12.345), /column D \(Value\): 12\.345 has more than 2 decimals/],
    ['a negative minimum', terms('Acme', 'minimum purchase', 'USD', -1), /column D \(Value\): -1 is below 0/],
    [
      'a validity of 0 days',
      terms('Acme', 'credit validity', 'days', 0),
      /column D \(Value\): 0 is below 1; use a whole number of days from 1 to 3650/,
    ],
    ['a validity above 3,650 days', terms('Acme', 'credit validity', 'days', 3651), /column D \(Value\): 3651 is too large/],
    ['a fraction of a day', terms('Acme', 'credit validity', 'days', 30.5), /column D \(Value\): 30\.5 is not a whole number/],
    [
      'an unknown term',
      terms('Acme', 'discount', 'USD', 5),
      /column B \(Item\): "discount" is not an item of Reseller Acme; use minimum purchase \(field USD\) or credit validity \(field days\)/,
    ],
    [
      'a term in another field',
      terms('Acme', 'minimum purchase', 'EUR', 5),
      /column C \(Field\): "EUR" is not a field of Reseller Acme minimum purchase; use USD/,
    ],
    [
      'a reseller price in credits',
      modelRow('Reseller Acme, Kling 3.0', 'professional', 'credits per second', 5),
      /column C \(Field\): "credits per second" is not a field of Reseller Acme, Kling 3\.0; use USD per clip or USD per second/,
    ],
  ];
  for (const [what, row, message] of bad) {
    it(`${what}: its row and column`, () => {
      const table = [...rows(), row];
      const text = problem(table);
      expect(text).toMatch(new RegExp(`^row ${table.length}, `));
      expect(text).toMatch(message);
    });
  }

  it('a repeated terms row: the row and the one it repeats', () => {
    const table = [...rows(), ...ACME, terms('acme', 'minimum purchase', 'USD', 30)];
    expect(problem(table)).toBe(
      `row ${table.length}, column B (Item): this row repeats row ${rows().length + 1} (Reseller Acme, minimum purchase); keep one row per term`,
    );
  });

  it('the API image row is optional, and a table written before this release (no resellers, no API image, no O1) stays valid', () => {
    const noImage = read(rows().filter((r) => !(r[0] === 'Images' && r[1] === 'API image')));
    expect(noImage.apiImage).toBeNull();
    expect(bookToRows(noImage).some((r) => r[1] === 'API image')).toBe(false);
    const old = read(rows().filter((r) => !String(r[0]).startsWith('Reseller ') && r[1] !== 'API image' && r[0] !== 'API, Kling O1'));
    expect(old.providers).toEqual([]);
    expect(old.apiImage).toBeNull();
    expect(old.models.map((m) => m.name)).toEqual(['Kling 2.6', 'Kling 3.0', 'Kling 3.0 Turbo', 'Kling 3.0 Omni', 'Kling 2.5 Turbo']);
    expect(old.models.every((m) => m.resellers.length === 0)).toBe(true);
    // A model defined by reseller rows only, once those are gone, is gone.
    expect(old.models.some((m) => m.name === 'Kling 4.0')).toBe(false);
  });

  it('the API image price is read in ticks ($0.0285 is 285) and must be above 0 with at most 4 decimals', () => {
    const table: unknown[][] = rows();
    const i = find(rows(), 'Images', 'API image', 'USD per image');
    (table[i] as unknown[])[3] = 0.0285;
    expect(read(table).apiImage?.ticks).toBe(285);
    (table[i] as unknown[])[3] = 0;
    expect(problem(table)).toMatch(new RegExp(`^row ${i + 1}, column D \\(Value\\): 0 is not above 0`));
  });
});
