/**
 * Bad single values through dist/Code.js: a thrown Error (the cell shows #ERROR!) whose message
 * names the argument, repeats the value and lists what is accepted; for every argument of every
 * function. And no odd input ever gives NaN, Infinity, undefined or an internal message.
 */
import { describe, expect, it } from 'vitest';
import { bookToRows, DEFAULT_PRICE_BOOK } from '../../src/pricing';
import { sheets } from './sheets';

const s = sheets();

const MODES = 'use standard, professional or 4k';
/** A length that is not a number: what the model makes, named. */
const SECS_26 = 'use 5 or 10 (Kling 2.6)';
/** A number that is not a length the model makes. */
const LENGTH_26 = 'use 5 or 10';
const LENGTH_30 = 'use a whole number of seconds from 3 to 15';
const FLAG = 'use TRUE or FALSE (also yes/no, 1/0)';
const AUDIO = 'use TRUE or FALSE (also yes/no, 1/0), or voice for voice control';
const MODELS =
  "use 2.6 or 3.0 (the price book also has 3.0 Turbo, 3.0 Omni, 2.5 Turbo and O1, sold on Kling's API; 4.0 and 4.0 Flash, sold by resellers only)";
const PROVIDERS = "use Kling (or leave it blank) for Kling's API, or a reseller of the price book: fal, Replicate and PiAPI";
const PLANS = 'use free, standard, pro, premier or ultra';
const BILLINGS = 'use monthly, intro (first month), annual or list';
const RETAKE = 'use a fraction from 0 up to but not including 1, such as 0.2 or 20%';
const FIELDS = 'use credits, price, cost_per_credit, cost_per_100 or year';
const CREDITS = 'use a number of credits from 0 to 26,000,000';

/** [function, arguments, the exact message]. */
const CASES: [string, unknown[], string][] = [
  // KLING_CREDITS(mode, secs, [audio], [model])
  ['KLING_CREDITS', ['prof', 5], `mode "prof" is not a Kling mode; ${MODES}`],
  ['KLING_CREDITS', ['std', 7], `secs 7 is not a clip length Kling 2.6 makes; ${LENGTH_26}`],
  ['KLING_CREDITS', ['std', 'ten'], `secs "ten" is not a number; ${SECS_26}`],
  ['KLING_CREDITS', ['std', 16, false, 3], `secs 16 is not a clip length Kling 3.0 makes; ${LENGTH_30}`],
  ['KLING_CREDITS', ['std', 7.5, false, '3.0'], `secs 7.5 is not a clip length Kling 3.0 makes; ${LENGTH_30}`],
  ['KLING_CREDITS', ['std', 5, 'maybe'], `audio "maybe" is not an audio option; ${AUDIO}`],
  ['KLING_CREDITS', ['std', 5, 2], `audio 2 is not an audio option; ${AUDIO}`],
  ['KLING_CREDITS', ['std', 5, false, '2.5'], `model "2.5" is not a model of the price book in force; ${MODELS}`],
  [
    'KLING_CREDITS',
    ['std', 5, false, 4],
    'Kling 4.0 has no app credits in the price book; it is sold by fal and PiAPI (KLING_API_COST with provider); rows "App credits, Kling 4.0" in the price table (Edit prices) add app credits',
  ],
  ['KLING_CREDITS', ['4k', 5], 'mode "4k" is not offered by Kling 2.6; use standard or professional'],
  ['KLING_CREDITS', ['std', 'ten', false, '3.0'], 'secs "ten" is not a number; use a whole number of seconds from 3 to 15 (Kling 3.0)'],
  [
    'KLING_CREDITS',
    ['pro', 10, 'voice'],
    'audio "voice": Kling 2.6 offers no professional clip with voice control; use audio FALSE or TRUE',
  ],
  [
    'KLING_CREDITS',
    ['4k', 10, 'voice', '3.0'],
    'audio "voice": Kling 3.0 offers no 4k clip with voice control; use audio FALSE or TRUE, or standard or professional with voice control',
  ],
  [
    'KLING_CREDITS',
    ['std', 5, false, '3.0 Turbo'],
    `Kling 3.0 Turbo has no app credits in the price book; it is sold by Kling's API (KLING_API_COST); rows "App credits, Kling 3.0 Turbo" in the price table (Edit prices) add app credits`,
  ],
  [
    'KLING_CREDITS',
    ['pro', 5, false, 'O1'],
    `Kling O1 has no app credits in the price book; it is sold by Kling's API (KLING_API_COST); rows "App credits, Kling O1" in the price table (Edit prices) add app credits`,
  ],
  // KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model])
  ['KLING_COST', ['turbo', 5, false, 'pro'], `mode "turbo" is not a Kling mode; ${MODES}`],
  ['KLING_COST', ['std', 6, false, 'pro'], `secs 6 is not a clip length Kling 2.6 makes; ${LENGTH_26}`],
  ['KLING_COST', ['std', 5, 'loud', 'pro'], `audio "loud" is not an audio option; ${AUDIO}`],
  ['KLING_COST', ['std', 5, false, 'gold'], `plan "gold" is not a Kling plan; ${PLANS}`],
  ['KLING_COST', ['std', 5, false, 'pro', 'weekly'], `billing "weekly" is not a billing; ${BILLINGS}`],
  ['KLING_COST', ['std', 5, false, 'pro', 'monthly', 1], `retake_rate 1 is outside 0 to below 1; ${RETAKE}`],
  ['KLING_COST', ['std', 5, false, 'pro', 'monthly', '120%'], `retake_rate "120%" is outside 0 to below 1; ${RETAKE}`],
  ['KLING_COST', ['std', 5, false, 'pro', 'monthly', -0.1], `retake_rate -0.1 is outside 0 to below 1; ${RETAKE}`],
  ['KLING_COST', ['std', 5, false, 'pro', 'monthly', 'lots'], `retake_rate "lots" is not a rate; ${RETAKE}`],
  ['KLING_COST', ['std', 5, false, 'pro', 'monthly', 0, 'v4'], `model "v4" is not a model of the price book in force; ${MODELS}`],
  [
    'KLING_COST',
    ['pro', 10, true, 'standard', '', '', '4.0'],
    'Kling 4.0 has no app credits in the price book; it is sold by fal and PiAPI (KLING_API_COST with provider); rows "App credits, Kling 4.0" in the price table (Edit prices) add app credits',
  ],
  [
    'KLING_COST',
    ['pro', 5, false, 'free'],
    'the free plan has no 1080p (professional) clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard',
  ],
  [
    'KLING_COST',
    ['4k', 5, false, 'free', '', '', '3.0'],
    'the free plan has no 4K clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard',
  ],
  [
    'KLING_COST',
    ['std', 10, true, 'free'],
    'this clip costs 100 credits, more than the 66 credits the free plan gives per day; choose a paid plan',
  ],
  // KLING_VIDEOS(plan, mode, secs, [audio], [retake_rate], [model])
  ['KLING_VIDEOS', ['gold', 'std', 5], `plan "gold" is not a Kling plan; ${PLANS}`],
  ['KLING_VIDEOS', ['pro', 'prof', 5], `mode "prof" is not a Kling mode; ${MODES}`],
  ['KLING_VIDEOS', ['pro', 'std', 20], `secs 20 is not a clip length Kling 2.6 makes; ${LENGTH_26}`],
  ['KLING_VIDEOS', ['pro', 'std', 5, 'sometimes'], `audio "sometimes" is not an audio option; ${AUDIO}`],
  ['KLING_VIDEOS', ['pro', 'std', 5, false, 1.5], `retake_rate 1.5 is outside 0 to below 1; ${RETAKE}`],
  ['KLING_VIDEOS', ['pro', 'std', 5, false, 0, '2.1'], `model "2.1" is not a model of the price book in force; ${MODELS}`],
  [
    'KLING_VIDEOS',
    ['pro', 'std', 5, true, 0, '4.0 Flash'],
    'Kling 4.0 Flash has no app credits in the price book; it is sold by PiAPI (KLING_API_COST with provider); rows "App credits, Kling 4.0 Flash" in the price table (Edit prices) add app credits',
  ],
  // KLING_IMAGES(plan)
  ['KLING_IMAGES', ['platinum'], `plan "platinum" is not a Kling plan; ${PLANS}`],
  // KLING_PLAN(plan, [field], [billing])
  ['KLING_PLAN', ['gold'], `plan "gold" is not a Kling plan; ${PLANS}`],
  ['KLING_PLAN', ['pro', 'cost'], `field "cost" is not a plan field; ${FIELDS}`],
  ['KLING_PLAN', ['pro', 'price', 'weekly'], `billing "weekly" is not a billing; ${BILLINGS}`],
  // KLING_BEST_PLAN / KLING_MONTHLY_COST(credits_per_month, [billing], [allow_topups])
  ['KLING_BEST_PLAN', ['lots'], `credits_per_month "lots" is not a number; ${CREDITS}`],
  ['KLING_BEST_PLAN', [-5], `credits_per_month -5 is out of range; ${CREDITS}`],
  ['KLING_BEST_PLAN', [30_000_000], `credits_per_month 30000000 is out of range; ${CREDITS}`],
  ['KLING_BEST_PLAN', [700, 'weekly'], `billing "weekly" is not a billing; ${BILLINGS}`],
  ['KLING_BEST_PLAN', [700, 'monthly', 'maybe'], `allow_topups "maybe" is not TRUE or FALSE; ${FLAG}`],
  ['KLING_MONTHLY_COST', ['lots'], `credits_per_month "lots" is not a number; ${CREDITS}`],
  ['KLING_MONTHLY_COST', [700, 'biweekly'], `billing "biweekly" is not a billing; ${BILLINGS}`],
  ['KLING_MONTHLY_COST', [700, '', 2], `allow_topups 2 is not TRUE or FALSE; ${FLAG}`],
  // KLING_API_COST(mode, secs, [audio], [model], [provider])
  ['KLING_API_COST', ['prof', 5], `mode "prof" is not a Kling mode; ${MODES}`],
  ['KLING_API_COST', ['std', 8], `secs 8 is not a clip length Kling's API for Kling 2.6 makes; ${LENGTH_26}`],
  ['KLING_API_COST', ['std', 5, 'maybe'], `audio "maybe" is not an audio option; ${AUDIO}`],
  [
    'KLING_API_COST',
    ['std', 5, false, '3.1'],
    'model "3.1" is not a model of the price book in force; use 2.6, 3.0, 3.0 Turbo, 3.0 Omni, 2.5 Turbo or O1 (the price book also has 4.0 and 4.0 Flash, sold by resellers only)',
  ],
  [
    'KLING_API_COST',
    ['std', 10, true],
    "audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
  ],
  [
    'KLING_API_COST',
    ['std', 10, 'voice', '3.0'],
    'audio "voice": Kling\'s API for Kling 3.0 offers no standard clip with voice control; use audio FALSE or TRUE',
  ],
  [
    'KLING_API_COST',
    ['4k', 5, false, '2.5 Turbo'],
    'mode "4k" is not offered by Kling\'s API for Kling 2.5 Turbo; use standard or professional',
  ],
  [
    'KLING_API_COST',
    ['std', 7, false, 'Kling 2.5 Turbo'],
    "secs 7 is not a clip length Kling's API for Kling 2.5 Turbo makes; use 5 or 10",
  ],
  ['KLING_API_COST', ['std', 7, false, 'O1'], "secs 7 is not a clip length Kling's API for Kling O1 makes; use 5 or 10"],
  ['KLING_API_COST', ['std', 5, true, '4.0', 3], `provider 3 is not a provider; ${PROVIDERS}`],
  [
    'KLING_API_COST',
    ['std', 5, true, '3.0', 'nobody'],
    `provider "nobody" is not a provider of the price book; Kling 3.0 is sold by Kling's API (provider Kling or blank), fal and Replicate`,
  ],
  [
    'KLING_API_COST',
    ['std', 10, false, '2.6', 'fal'],
    `provider "fal" does not sell Kling 2.6; Kling 2.6 is sold by Kling's API (provider Kling or blank)`,
  ],
  [
    'KLING_API_COST',
    ['std', 5, true, '4.0 Flash'],
    `Kling's API does not sell Kling 4.0 Flash; it is sold by PiAPI: give the provider, e.g. KLING_API_COST("pro", 10, TRUE, "4.0 Flash", "PiAPI")`,
  ],
  [
    'KLING_API_COST',
    ['pro', 5, true, '4.0 Flash', 'PiAPI'],
    'mode "professional" is not offered by PiAPI for Kling 4.0 Flash; use standard',
  ],
  [
    'KLING_API_COST',
    ['std', 5, false, '4.0 Flash', 'PiAPI'],
    'audio FALSE: PiAPI for Kling 4.0 Flash offers no standard clip without audio; use audio TRUE',
  ],
  [
    'KLING_API_COST',
    ['std', 31, true, '4.0', 'fal'],
    'secs 31 is not a clip length fal for Kling 4.0 makes; use a whole number of seconds from 3 to 30',
  ],
];

describe('a bad single value throws an Error naming the argument, repeating the value, listing what is accepted', () => {
  for (const [name, args, message] of CASES) {
    it(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`, () => {
      expect(s.error(name, ...args).message).toBe(message);
    });
  }
});

describe('odd cells in messages', () => {
  it('Date cells are repeated as dates', () => {
    const d = s.date('2026-03-01T00:00:00');
    expect(s.error('KLING_CREDITS', 'std', d).message).toBe(`secs the date 2026-03-01 is not a number; ${SECS_26}`);
    expect(s.error('KLING_CREDITS', d, 5).message).toBe(`mode the date 2026-03-01 is not a Kling mode; ${MODES}`);
    expect(s.error('KLING_BEST_PLAN', d).message).toBe(`credits_per_month the date 2026-03-01 is not a number; ${CREDITS}`);
    expect(s.error('KLING_COST', 'std', 5, false, 'pro', 'monthly', d).message).toBe(
      `retake_rate the date 2026-03-01 is not a rate; ${RETAKE}`,
    );
    expect(s.error('KLING_PLAN', d).message).toBe(`plan the date 2026-03-01 is not a Kling plan; ${PLANS}`);
    expect(s.error('KLING_CREDITS', 'std', 5, d).message).toBe(`audio the date 2026-03-01 is not an audio option; ${AUDIO}`);
    expect(s.error('KLING_CREDITS', 'std', 5, false, s.date('bad')).message).toBe(
      `model an invalid date is not a model of the price book in force; ${MODELS}`,
    );
  });

  it("Date cells are repeated as the date the sheet shows, in the script's time zone (east of UTC too)", () => {
    // Apps Script hands a date cell over as local midnight of the script's time zone. In Tokyo,
    // 2026-03-01 00:00 is 2026-02-28 15:00 UTC: the message must still say 2026-03-01.
    const saved = process.env.TZ;
    try {
      for (const zone of ['Asia/Tokyo', 'Europe/Berlin', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = zone;
        const d = s.date('2026-03-01T00:00:00'); // no offset: local midnight
        expect(s.error('KLING_CREDITS', 'std', d).message, zone).toBe(`secs the date 2026-03-01 is not a number; ${SECS_26}`);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('booleans where a number or a word is expected; a TRUE or FALSE in the wrong place is said to look like the audio', () => {
    const audioHint = ' (TRUE looks like the audio argument, number 3 of ';
    expect(s.error('KLING_CREDITS', 'std', true).message).toBe(
      `secs TRUE is not a number; ${SECS_26}${audioHint}KLING_CREDITS(mode, secs, [audio], [model], [prices]))`,
    );
    expect(s.error('KLING_CREDITS', false, 5).message).toBe(
      `mode FALSE is not a Kling mode; ${MODES} (FALSE looks like the audio argument, number 3 of KLING_CREDITS(mode, secs, [audio], [model], [prices]))`,
    );
    expect(s.error('KLING_BEST_PLAN', true).message).toBe(`credits_per_month TRUE is not a number; ${CREDITS}`);
    expect(s.error('KLING_COST', 'std', 5, false, true).message).toBe(
      `plan TRUE is not a Kling plan; ${PLANS}${audioHint}KLING_COST(mode, secs, audio, plan, [billing], [retake_rate], [model], [prices]))`,
    );
    expect(s.error('KLING_CREDITS', 'std', 5, false, true).message).toBe(
      `model TRUE is not a model of the price book in force; ${MODELS} (TRUE looks like the audio argument, number 3 of KLING_CREDITS(mode, secs, [audio], [model], [prices]))`,
    );
  });

  it('NaN, infinities and huge numbers', () => {
    expect(s.error('KLING_CREDITS', 'std', NaN).message).toBe(`secs not-a-number is not a number; ${SECS_26}`);
    expect(s.error('KLING_CREDITS', 'std', Infinity).message).toBe(`secs infinity is not a finite number; ${SECS_26}`);
    expect(s.error('KLING_BEST_PLAN', -Infinity).message).toBe(`credits_per_month minus infinity is not a finite number; ${CREDITS}`);
    expect(s.error('KLING_BEST_PLAN', 1e308).message).toBe(`credits_per_month 1e+308 is out of range; ${CREDITS}`);
    expect(s.error('KLING_BEST_PLAN', '1e400').message).toBe(`credits_per_month "1e400" is not a finite number; ${CREDITS}`);
    expect(s.error('KLING_CREDITS', 'std', 1e308, false, 3).message).toBe(`secs 1e+308 is not a clip length Kling 3.0 makes; ${LENGTH_30}`);
    expect(s.error('KLING_COST', 'std', 5, false, 'pro', 'monthly', NaN).message).toBe(`retake_rate not-a-number is not a rate; ${RETAKE}`);
  });

  it('long and control-character text is shortened and flattened', () => {
    const message = s.error('KLING_CREDITS', `x${'y'.repeat(100)}`, 5).message;
    expect(message).toMatch(/^mode "xy{39}\.\.\." is not a Kling mode/);
    expect(s.error('KLING_CREDITS', 'a\nb', 5).message).toBe(`mode "a b" is not a Kling mode; ${MODES}`);
  });

  it("thrown errors are plain Errors of the bundle's realm, never an internal type", () => {
    const e = s.error('KLING_CREDITS', 'prof', 5);
    expect(e).toBeInstanceOf(s.Error);
    expect(e.name).toBe('Error');
  });
});

describe('no odd input gives NaN, Infinity, undefined or an internal message', () => {
  const odd: unknown[] = [
    NaN,
    Infinity,
    -Infinity,
    1e308,
    -1e308,
    5e-324,
    -0,
    0,
    -1,
    0.5,
    1 / 3,
    2 ** 53 + 2,
    null,
    undefined,
    true,
    false,
    '',
    ' ',
    'x',
    '%',
    '-',
    '.',
    '1e400',
    '-1e400',
    '0x10',
    '1,00',
    '5%',
    '-5%',
    'NaN',
    'Infinity',
    'undefined',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    {},
    [[[1]]],
    [[]],
  ];
  const dates = () => [
    s.date('2026-01-05T00:00:00'),
    s.date('1899-12-30T00:00:10Z'),
    s.date('not a date'),
    s.date('+275760-09-13T00:00:00Z'),
  ];
  const bases: Record<string, unknown[]> = {
    KLING_CREDITS: ['pro', 10, true, '2.6'],
    KLING_COST: ['pro', 10, true, 'standard', 'monthly', 0.2, '2.6'],
    KLING_VIDEOS: ['standard', 'pro', 10, true, 0.2, '2.6'],
    KLING_IMAGES: ['pro'],
    KLING_PLAN: ['pro', 'price', 'monthly'],
    KLING_BEST_PLAN: [700, 'monthly', true],
    KLING_MONTHLY_COST: [700, 'monthly', true],
    KLING_API_COST: ['pro', 10, true, '4.0', 'fal'],
    KLING_BUDGET: [[['pro'], ['std']], [[10], [5]], [[true], [false]], [[5], [2]], 'monthly', 0.2, '2.6'],
    KLING_YEARLY: [700, true],
    KLING_SCHEDULE: [[[700], [800]], 'monthly', 100],
    KLING_API_SCHEDULE: [[[2.8], [3]]],
    KLING_ACTUALS: [[['2026-11-03'], ['2026-12-01']], [['pro'], ['std']], [[10], [5]], [[true], [false]], [['kept'], ['failed']], '2.6'],
    KLING_CHANNELS: [
      [['3.0'], ['4.0']],
      [['pro'], ['std']],
      [[10], [5]],
      [[true], [true]],
      [
        [4, 2],
        [1, 0],
      ],
      'cheapest',
      [[0.2], ['']],
      [[1], [0]],
      [[10], [5]],
      1,
      0.3,
      100,
      'months',
    ],
    KLING_PRICE_CHANGES: [bookToRows(DEFAULT_PRICE_BOOK), bookToRows(DEFAULT_PRICE_BOOK)],
  };
  const tables = new Set([
    'KLING_BUDGET',
    'KLING_YEARLY',
    'KLING_SCHEDULE',
    'KLING_API_SCHEDULE',
    'KLING_ACTUALS',
    'KLING_CHANNELS',
    'KLING_PRICE_CHANGES',
  ]);

  for (const [name, base] of Object.entries(bases)) {
    it(`${name}: each argument in turn, as a single value and inside a range`, () => {
      for (let i = 0; i < base.length; i++) {
        for (const value of [...odd, ...dates()]) {
          const args = [...base];
          args[i] = value;
          expectCleanCall(name, args);
          if (tables.has(name)) {
            // The range columns: the odd value in the first row, the second row as before.
            if (!Array.isArray(base[i])) continue;
            args[i] = [[value], ...(base[i] as unknown[][]).slice(1)];
          } else {
            args[i] = [[value], ['']];
          }
          expectCleanCall(name, args);
        }
      }
    });
  }

  it('KLING_PRICES with stray arguments', () => {
    expectCleanCall('KLING_PRICES', []);
    expectCleanCall('KLING_PRICES', [NaN, undefined]);
  });
});

/** The call returns a clean value or throws a clean Error (sheets() checks both). */
function expectCleanCall(name: string, args: unknown[]): void {
  try {
    s.call(name, ...args);
  } catch (error) {
    if (!(error instanceof s.Error)) throw error; // an assertion of sheets() failed
    s.error(name, ...args);
  }
}
