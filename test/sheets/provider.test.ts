/**
 * KLING_API_COST's `provider` (custom-functions.md; channels.md, "Resellers are rows of the price
 * table") through dist/Code.js: blank or `Kling` is Kling's own API; a reseller's name prices the
 * same generation there, at most 4 decimals; a model Kling's API does not sell names the resellers
 * that do; an unknown provider, or one that does not sell the model, gets a message listing those
 * that do; provider ranges broadcast like every argument.
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { column, sheets } from './sheets';

const s = sheets();
const reseller = (section: string, item: string, field: string, value: number) => [
  section,
  item,
  field,
  value,
  '',
  'third-party',
  'a test',
  '2026-12-06',
];

describe("provider blank or Kling: Kling's own API", () => {
  it('the same official rate, whatever the spelling of Kling', () => {
    for (const provider of [undefined, '', ' ', 'Kling', 'kling', ' KLING ']) {
      const where = JSON.stringify(provider);
      expect(s.call('KLING_API_COST', 'pro', 10, true, '3.0', provider), where).toBe(1.68);
      expect(s.call('KLING_API_COST', 'pro', 10, true, '2.6', provider), where).toBe(1.4);
      expect(s.call('KLING_API_COST', 'std', 5, false, 'O1', provider), where).toBe(0.42);
    }
  });

  it("a model Kling's API does not sell (4.0, 4.0 Flash) names the resellers that do", () => {
    expect(s.error('KLING_API_COST', 'pro', 10, true, '4.0').message).toBe(
      `Kling's API does not sell Kling 4.0; it is sold by fal and PiAPI: give the provider, e.g. KLING_API_COST("pro", 10, TRUE, "4.0", "fal")`,
    );
    expect(s.error('KLING_API_COST', 'std', 10, true, '4.0 Flash', 'Kling').message).toBe(
      `Kling's API does not sell Kling 4.0 Flash; it is sold by PiAPI: give the provider, e.g. KLING_API_COST("pro", 10, TRUE, "4.0 Flash", "PiAPI")`,
    );
  });
});

describe("a reseller's name: that reseller's price", () => {
  it('KLING_API_COST("pro", 10, TRUE, "4.0", "fal") is 2.35; PiAPI $2.50; 720p $1.57 and $1.667', () => {
    expect(s.call('KLING_API_COST', 'pro', 10, true, '4.0', 'fal')).toBe(2.35);
    expect(s.call('KLING_API_COST', 'pro', 10, true, '4.0', 'PiAPI')).toBe(2.5);
    expect(s.call('KLING_API_COST', 'std', 10, true, '4.0', 'fal')).toBe(1.57);
    expect(s.call('KLING_API_COST', 'std', 10, true, '4.0', 'piapi')).toBe(1.667);
    // 3 to 30 s, every whole second, to the hundredth of a cent.
    for (let secs = 3; secs <= 30; secs++) {
      expect(s.call('KLING_API_COST', 'pro', secs, true, '4.0', 'fal'), `${secs} s`).toBe((2350 * secs) / 10_000);
      expect(s.call('KLING_API_COST', 'std', secs, true, '4.0', 'PiAPI'), `${secs} s`).toBe((1667 * secs) / 10_000);
    }
    expect(s.call('KLING_API_COST', 'std', 20, true, '4.0 Flash', 'PiAPI')).toBe(2);
  });

  it("fal's Kling 3.0 is Kling's own; Replicate's is professional only, dearer", () => {
    for (const [mode, audio, perSecond] of [
      ['std', false, 840],
      ['std', true, 1260],
      ['pro', false, 1120],
      ['pro', true, 1680],
      ['4k', false, 4200],
      ['4k', true, 4200],
    ] as const) {
      expect(s.call('KLING_API_COST', mode, 7, audio, '3.0', 'fal'), `${mode} ${audio}`).toBe((perSecond * 7) / 10_000);
      expect(s.call('KLING_API_COST', mode, 7, audio, '3.0', 'fal')).toBe(s.call('KLING_API_COST', mode, 7, audio, '3.0'));
    }
    expect(s.call('KLING_API_COST', 'pro', 10, false, '3.0', 'Replicate')).toBe(1.68);
    expect(s.call('KLING_API_COST', 'pro', 10, true, '3.0', ' replicate ')).toBe(2.52);
    expect(s.error('KLING_API_COST', 'std', 10, true, '3.0', 'Replicate').message).toBe(
      'mode "standard" is not offered by Replicate for Kling 3.0; use professional',
    );
  });

  it('an unknown provider, or one that does not sell the model: a message listing those that do', () => {
    expect(s.error('KLING_API_COST', 'pro', 10, true, '3.0', 'Krea').message).toBe(
      `provider "Krea" is not a provider of the price book; Kling 3.0 is sold by Kling's API (provider Kling or blank), fal and Replicate`,
    );
    expect(s.error('KLING_API_COST', 'pro', 10, true, '4.0', 'Replicate').message).toBe(
      'provider "Replicate" does not sell Kling 4.0; Kling 4.0 is sold by fal and PiAPI',
    );
    expect(s.error('KLING_API_COST', 'pro', 10, true, '3.0', 'PiAPI').message).toBe(
      `provider "PiAPI" does not sell Kling 3.0; Kling 3.0 is sold by Kling's API (provider Kling or blank), fal and Replicate`,
    );
    expect(s.error('KLING_API_COST', 'pro', 10, true, '2.6', 'fal').message).toBe(
      `provider "fal" does not sell Kling 2.6; Kling 2.6 is sold by Kling's API (provider Kling or blank)`,
    );
    expect(s.error('KLING_API_COST', 'pro', 10, true, '4.0', 42).message).toBe(
      "provider 42 is not a provider; use Kling (or leave it blank) for Kling's API, or a reseller of the price book: fal, Replicate and PiAPI",
    );
  });

  it('a reseller added by rows of the edited table: priced at once, matched by name in any case; a provider named Kling or blank is a malformed row', () => {
    const base = bookToRows(DEFAULT_PRICE_BOOK);
    const krea = [
      ...base,
      reseller('Reseller Krea, Kling 2.6', 'professional 10 s with audio', 'USD per clip', 2.9412),
      reseller('Reseller Krea, Kling 2.6', 'professional 5 s', 'USD per clip', 0.7),
    ];
    expect(s.call('KLING_API_COST', 'pro', 10, true, '2.6', 'krea', krea)).toBe(2.9412);
    expect(s.call('KLING_API_COST', 'pro', 5, false, '2.6', ' KREA ', krea)).toBe(0.7);
    expect(s.error('KLING_API_COST', 'pro', 10, true, '2.6', 'nobody', krea).message).toBe(
      `provider "nobody" is not a provider of the price book; Kling 2.6 is sold by Kling's API (provider Kling or blank) and Krea`,
    );
    const row = base.length + 1;
    for (const [provider, why] of [
      ['Kling', 'names Kling, whose own API is the section API, <model>'],
      [' kling ', 'names Kling, whose own API is the section API, <model>'],
      ['', 'names no provider'],
    ] as const) {
      const section = `Reseller ${provider}, Kling 3.0`;
      const table = [...base, reseller(section, 'professional with audio', 'USD per second', 0.2)];
      expect(s.error('KLING_API_COST', 'pro', 10, true, '3.0', 'fal', table).message, provider).toBe(
        `prices row ${row}, column A (Section): ${JSON.stringify(section)} ${why}; write Reseller <provider>, <model> (e.g. Reseller fal, Kling 4.0) or Reseller <provider> for its terms`,
      );
    }
  });
});

describe('provider ranges broadcast', () => {
  it('a column of providers beside a single clip; a column of models and providers together', () => {
    expect(s.call('KLING_API_COST', 'pro', 10, true, '3.0', column('fal', 'Replicate', 'Kling', '', 'PiAPI'))).toEqual([
      [1.68],
      [2.52],
      [1.68],
      [1.68],
      [`ERROR: provider "PiAPI" does not sell Kling 3.0; Kling 3.0 is sold by Kling's API (provider Kling or blank), fal and Replicate`],
    ]);
    expect(
      s.call('KLING_API_COST', 'pro', 10, true, column('3.0', '4.0', '2.6', '4.0 Flash'), column('fal', 'PiAPI', 'Kling', 'PiAPI')),
    ).toEqual([[1.68], [2.5], [1.4], ['ERROR: mode "professional" is not offered by PiAPI for Kling 4.0 Flash; use standard']]);
    expect(
      s.call('KLING_API_COST', 'pro', 10, true, '4.0', [
        ['fal', 'PiAPI'],
        ['fal', ' FAL '],
      ]),
    ).toEqual([
      [2.35, 2.5],
      [2.35, 2.35],
    ]);
  });

  it('whole columns of clips and providers: blank rows blank, whatever the provider column holds', () => {
    const rows = 500;
    const modes = Array.from({ length: rows }, (_, i) => [i < 3 ? ['pro', 'std', 'pro'][i] : '']);
    const providers = Array.from({ length: rows }, (_, i) => [i < 3 ? ['fal', 'PiAPI', 'Replicate'][i] : 'nobody']);
    const result = s.call(
      'KLING_API_COST',
      modes,
      10,
      true,
      column(...new Array(rows).fill('4.0')).map((r, i) => (i === 2 ? ['3.0'] : r)),
      providers,
    ) as unknown[][];
    expect(result.slice(0, 3)).toEqual([[2.35], [1.667], [2.52]]);
    expect(result.slice(3).every((r) => r[0] === '')).toBe(true);
  });

  it('ranges of different shapes: an error giving both', () => {
    expect(s.error('KLING_API_COST', 'pro', 10, true, column('3.0', '4.0'), column('fal', 'PiAPI', 'Kling')).message).toBe(
      'ranges of different shapes: model is 2 rows x 1 column, provider is 3 rows x 1 column; give ranges of the same size',
    );
  });
});
