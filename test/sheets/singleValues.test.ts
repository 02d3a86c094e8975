/**
 * The custom functions of dist/Code.js called with single values, as a cell formula calls them:
 * the spec's examples, aliases, numeric text, booleans, percentages, omitted and empty optional
 * arguments.
 */
import { describe, expect, it } from 'vitest';
import { column, sheets } from './sheets';

/** The exact rational of a finite double, as BigInt numerator and denominator. */
function rationalOf(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e = -1074;
  if (exponent > 0) {
    mantissa |= 1n << 52n;
    e = exponent - 1075;
  }
  return e >= 0 ? [sign * mantissa * (1n << BigInt(e)), 1n] : [sign * mantissa, 1n << BigInt(-e)];
}

/** The double next to x, up or down. */
function nextDouble(x: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + (up === x >= 0 ? 1n : -1n));
  return view.getFloat64(0);
}

/** True when x is a nearest double to p / q (p, q > 0): no neighbour of x is nearer. */
function isNearestDouble(x: number, p: bigint, q: bigint): boolean {
  const distance = (y: number): [bigint, bigint] => {
    const [n, d] = rationalOf(y);
    const num = n * q - p * d;
    return [num < 0n ? -num : num, d * q];
  };
  const [a, b] = distance(x);
  return [nextDouble(x, true), nextDouble(x, false)].every((y) => {
    const [c, d] = distance(y);
    return a * d <= c * b;
  });
}

const s = sheets();

describe('the spec examples', () => {
  it('KLING_VIDEOS("standard","professional",10,TRUE) = 3', () => {
    expect(s.call('KLING_VIDEOS', 'standard', 'professional', 10, true)).toBe(3);
  });

  it('KLING_MONTHLY_COST(700) = 13.80 and KLING_BEST_PLAN(700) = "Standard + 330-credit pack"', () => {
    expect(s.call('KLING_MONTHLY_COST', 700)).toBe(13.8);
    expect(s.call('KLING_BEST_PLAN', 700)).toBe('Standard + 330-credit pack');
  });

  it('KLING_BEST_PLAN(2000) = "Pro", $32.56; KLING_BEST_PLAN(0) = "Free", $0', () => {
    expect(s.call('KLING_BEST_PLAN', 2000)).toBe('Pro');
    expect(s.call('KLING_MONTHLY_COST', 2000)).toBe(32.56);
    expect(s.call('KLING_BEST_PLAN', 0)).toBe('Free');
    expect(s.call('KLING_MONTHLY_COST', 0)).toBe(0);
  });

  it('KLING_IMAGES("standard") = 3,300', () => {
    expect(s.call('KLING_IMAGES', 'standard')).toBe(3300);
  });

  it('KLING_PLAN("free","credits") = 66 x 30', () => {
    expect(s.call('KLING_PLAN', 'free', 'credits')).toBe(1980);
  });
});

describe('KLING_CREDITS', () => {
  it('Kling 2.6 per clip', () => {
    expect(s.call('KLING_CREDITS', 'standard', 5)).toBe(10);
    expect(s.call('KLING_CREDITS', 'standard', 10, false)).toBe(20);
    expect(s.call('KLING_CREDITS', 'professional', 5, false)).toBe(35);
    expect(s.call('KLING_CREDITS', 'professional', 10)).toBe(70);
    expect(s.call('KLING_CREDITS', 'standard', 5, true)).toBe(50);
    expect(s.call('KLING_CREDITS', 'standard', 10, true)).toBe(100);
    expect(s.call('KLING_CREDITS', 'professional', 5, true)).toBe(100);
    expect(s.call('KLING_CREDITS', 'professional', 10, true)).toBe(200);
  });

  it('Kling 3.0 per second, 3 to 15 s', () => {
    expect(s.call('KLING_CREDITS', 'standard', 3, false, '3.0')).toBe(18);
    expect(s.call('KLING_CREDITS', 'standard', 15, true, '3.0')).toBe(135);
    expect(s.call('KLING_CREDITS', 'professional', 7, false, '3.0')).toBe(56);
    expect(s.call('KLING_CREDITS', 'professional', 12, true, '3.0')).toBe(144);
    expect(s.call('KLING_CREDITS', '4k', 10, false, '3.0')).toBe(300);
    expect(s.call('KLING_CREDITS', '4k', 15, true, '3.0')).toBe(450);
  });

  it('mode aliases, any case, surrounding spaces ignored', () => {
    for (const mode of ['standard', 'std', '720p', 'STANDARD', ' Std ', '720P']) expect(s.call('KLING_CREDITS', mode, 5), mode).toBe(10);
    for (const mode of ['professional', 'pro', '1080p', 'Professional', '  PRO', '1080P '])
      expect(s.call('KLING_CREDITS', mode, 5), mode).toBe(35);
    for (const mode of ['4k', '4K', ' 4k ']) expect(s.call('KLING_CREDITS', mode, 5, false, 3), mode).toBe(150);
  });

  it('model: 2.6 by default; "2.6" or the number 2.6; 3.0 as "3.0", "3" or the number 3', () => {
    expect(s.call('KLING_CREDITS', 'pro', 10, false)).toBe(70);
    for (const model of ['2.6', 2.6, ' 2.6 ', '', undefined])
      expect(s.call('KLING_CREDITS', 'pro', 10, false, model), String(model)).toBe(70);
    for (const model of ['3.0', '3', 3, 3.0, ' 3.0 ']) expect(s.call('KLING_CREDITS', 'pro', 10, false, model), String(model)).toBe(80);
  });

  it('secs as a number or numeric text', () => {
    for (const secs of [10, '10', ' 10 ', '10.0', '1e1', '+10']) expect(s.call('KLING_CREDITS', 'std', secs), String(secs)).toBe(20);
    expect(s.call('KLING_CREDITS', 'std', '7', false, '3')).toBe(42);
  });

  it('audio: TRUE/FALSE, 1/0, yes/no, true/false text; an empty cell or an omitted audio is FALSE', () => {
    for (const audio of [true, 1, 'yes', 'YES', 'true', 'TRUE', ' True ', '1'])
      expect(s.call('KLING_CREDITS', 'std', 5, audio), String(audio)).toBe(50);
    for (const audio of [false, 0, 'no', 'No', 'false', 'FALSE', '0', '', ' '])
      expect(s.call('KLING_CREDITS', 'std', 5, audio), String(audio)).toBe(10);
    expect(s.call('KLING_CREDITS', 'std', 5)).toBe(10);
    expect(s.call('KLING_CREDITS', 'std', 5, undefined, undefined)).toBe(10);
  });

  it('returns numbers, not text', () => {
    expect(typeof s.call('KLING_CREDITS', 'std', '5')).toBe('number');
  });
});

describe('KLING_COST', () => {
  it('credits x plan price per credit, monthly renewal by default', () => {
    expect(s.call('KLING_COST', 'pro', 10, true, 'standard')).toBeCloseTo((200 * 8.8) / 660, 12);
    expect(s.call('KLING_COST', 'std', 5, false, 'ultra')).toBeCloseTo((10 * 159.99) / 26000, 12);
  });

  it('billing: monthly, intro (first_month, first month), annual (yearly), list', () => {
    const cost = (billing: unknown) => s.call('KLING_COST', 'pro', 5, false, 'pro', billing) as number;
    expect(cost('monthly')).toBeCloseTo((35 * 32.56) / 3000, 12);
    for (const b of ['intro', 'first_month', 'first month', 'First Month', 'FIRST_MONTH'])
      expect(cost(b), b).toBeCloseTo((35 * 25.99) / 3000, 12);
    for (const b of ['annual', 'yearly', 'Yearly', ' ANNUAL ']) expect(cost(b), b).toBeCloseTo((35 * (293.04 / 12)) / 3000, 12);
    expect(cost('list')).toBeCloseTo((35 * 37) / 3000, 12);
    expect(cost('')).toBe(cost('monthly'));
    expect(cost(undefined)).toBe(cost('monthly'));
  });

  it('plan aliases: basic is free; any case', () => {
    expect(s.call('KLING_COST', 'std', 5, false, 'basic')).toBe(0);
    expect(s.call('KLING_COST', 'std', 5, false, ' Free ')).toBe(0);
    expect(s.call('KLING_COST', 'std', 5, false, 'PREMIER')).toBeCloseTo((10 * 80.96) / 8000, 12);
  });

  it('retake rate: 0.2, a 20 % cell (0.2), the text "20%" or "20 %" all divide by 0.8', () => {
    const base = s.call('KLING_COST', 'pro', 10, true, 'standard') as number;
    for (const rate of [0.2, '0.2', '20%', '20 %', ' 20% ']) {
      expect(s.call('KLING_COST', 'pro', 10, true, 'standard', 'monthly', rate), String(rate)).toBeCloseTo(base / 0.8, 12);
    }
    expect(s.call('KLING_COST', 'pro', 10, true, 'standard', 'monthly', 0)).toBe(base);
    expect(s.call('KLING_COST', 'pro', 10, true, 'standard', 'monthly', '')).toBe(base);
    expect(s.call('KLING_COST', 'pro', 10, true, 'standard', '', '')).toBe(base);
  });

  it('model 3.0 as the last argument', () => {
    expect(s.call('KLING_COST', '4k', 10, false, 'ultra', 'monthly', 0, '3.0')).toBeCloseTo((300 * 159.99) / 26000, 12);
    expect(s.call('KLING_COST', '4k', 10, false, 'ultra', '', '', 3)).toBeCloseTo((300 * 159.99) / 26000, 12);
  });

  it('free plan: 0 when the clip fits in 66 daily credits at 720p; an error saying why when not', () => {
    expect(s.call('KLING_COST', 'std', 5, true, 'free')).toBe(0);
    expect(s.call('KLING_COST', 'std', 11, false, 'free', '', '', 3)).toBe(0);
    expect(s.error('KLING_COST', 'std', 10, true, 'free').message).toBe(
      'this clip costs 100 credits, more than the 66 credits the free plan gives per day; choose a paid plan',
    );
    // The free plan has no 1080p or 4K (official), however few credits the clip costs.
    expect(s.error('KLING_COST', 'pro', 5, false, 'free').message).toBe(
      'the free plan has no 1080p (professional) clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard',
    );
    expect(s.error('KLING_COST', 'pro', 10, false, 'basic').message).toMatch(/^the free plan has no 1080p \(professional\) clips/);
    expect(s.error('KLING_COST', '4k', 3, false, 'free', '', '', '3.0').message).toBe(
      'the free plan has no 4K clips (official: free output is 720p, watermarked and not for commercial use); choose a paid plan, or mode standard',
    );
  });

  it('a retake rate divides exactly: the figure is the nearest double of credits x price / plan credits / (1 - r), r read to 6 decimals', () => {
    // custom-functions.md: figures are computed from the exact amounts and divided only at the end.
    const plans: [string, bigint, bigint][] = [
      ['standard', 880n, 660n],
      ['pro', 3256n, 3000n],
      ['premier', 8096n, 8000n],
      ['ultra', 15999n, 26000n],
    ];
    const wrong: string[] = [];
    for (const [plan, cents, credits] of plans) {
      const rates = [...Array.from({ length: 67 }, (_, i) => (i * 15_013) / 1e6), 0.999999];
      for (const rate of rates) {
        const m = BigInt(Math.round(rate * 1e6));
        // 10 credits (standard 5 s) x cents / (100 x plan credits) / ((10^6 - m) / 10^6)
        const got = s.call('KLING_COST', 'std', 5, false, plan, '', rate) as number;
        if (!isNearestDouble(got, 10n * cents * 1_000_000n, 100n * credits * (1_000_000n - m))) wrong.push(`${plan} at ${rate}: ${got}`);
      }
    }
    expect(wrong.slice(0, 5), `${wrong.length} figures are not the nearest double`).toEqual([]);
  });

  it('audio empty or FALSE is no audio', () => {
    expect(s.call('KLING_COST', 'std', 5, '', 'standard')).toBe(s.call('KLING_COST', 'std', 5, false, 'standard'));
  });
});

describe('KLING_VIDEOS', () => {
  it('whole videos a month, retakes included', () => {
    expect(s.call('KLING_VIDEOS', 'standard', 'std', 10)).toBe(33);
    expect(s.call('KLING_VIDEOS', 'standard', 'std', 10, false, 0.9)).toBe(3);
    expect(s.call('KLING_VIDEOS', 'standard', 'std', 10, false, '90%')).toBe(3);
    expect(s.call('KLING_VIDEOS', 'pro', 'std', 5, false, 0.9)).toBe(30);
    expect(s.call('KLING_VIDEOS', 'ultra', 'pro', 10, true, '20%')).toBe(104);
    expect(s.call('KLING_VIDEOS', 'premier', '4k', 15, true, '', '3.0')).toBe(17);
  });

  it('free tier: 66 a day, 30 days; 0 for a clip over 66 credits, and for any 1080p or 4K clip', () => {
    expect(s.call('KLING_VIDEOS', 'free', 'std', 5)).toBe(180);
    expect(s.call('KLING_VIDEOS', 'free', 'std', 5, true)).toBe(30);
    expect(s.call('KLING_VIDEOS', 'free', 'std', 10, true)).toBe(0);
    // KLING_VIDEOS("free", "professional", 5) is 0: the free plan has no 1080p (35 credits would fit).
    expect(s.call('KLING_VIDEOS', 'free', 'professional', 5)).toBe(0);
    expect(s.call('KLING_VIDEOS', 'basic', 'pro', 5)).toBe(0);
    expect(s.call('KLING_VIDEOS', 'free', 'pro', 10)).toBe(0);
    expect(s.call('KLING_VIDEOS', 'free', 'pro', 10, true)).toBe(0);
    expect(s.call('KLING_VIDEOS', 'free', '4k', 3, false, '', '3.0')).toBe(0);
    // 1/6 is read to 6 decimals, 0.166667: 180 x 0.833333 = 149.99994, whole videos 149.
    expect(s.call('KLING_VIDEOS', 'free', 'std', 5, false, 1 / 6)).toBe(149);
    expect(s.call('KLING_VIDEOS', 'free', 'std', 5, false, 0.5)).toBe(90);
  });
});

describe('a model with no app credits (Kling 4.0): KLING_CREDITS, KLING_COST and KLING_VIDEOS name where it is sold', () => {
  const SOLD = 'Kling 4.0 has no app credits in the price book; it is sold by fal and PiAPI (KLING_API_COST with provider)';

  it('the message of the spec, then how rows add app credits', () => {
    for (const model of ['4.0', '4', 4, 'Kling 4.0']) {
      expect(s.error('KLING_CREDITS', 'pro', 10, true, model).message.startsWith(SOLD), String(model)).toBe(true);
      expect(s.error('KLING_COST', 'pro', 10, true, 'standard', '', '', model).message.startsWith(SOLD), String(model)).toBe(true);
      expect(s.error('KLING_VIDEOS', 'standard', 'pro', 10, true, '', model).message.startsWith(SOLD), String(model)).toBe(true);
    }
    expect(s.error('KLING_CREDITS', 'pro', 10, true, '4.0').message).toBe(
      `${SOLD}; rows "App credits, Kling 4.0" in the price table (Edit prices) add app credits`,
    );
    // Even on the free plan, and whatever the clip: the model comes first.
    expect(s.error('KLING_COST', 'pro', 10, true, 'free', '', '', '4.0').message.startsWith(SOLD)).toBe(true);
    // An API-only model names Kling's API.
    expect(s.error('KLING_CREDITS', 'pro', 10, false, 'O1').message).toBe(
      `Kling O1 has no app credits in the price book; it is sold by Kling's API (KLING_API_COST); rows "App credits, Kling O1" in the price table (Edit prices) add app credits`,
    );
    // And the API answers for it (KLING_API_COST with provider).
    expect(s.call('KLING_API_COST', 'pro', 10, true, '4.0', 'fal')).toBe(2.35);
  });

  it('in a range call: an ERROR cell naming where it is sold, every other row computed', () => {
    const result = s.call('KLING_CREDITS', 'pro', 10, true, column('2.6', '4.0', '3.0')) as unknown[][];
    expect(result[0]).toEqual([200]);
    expect(String(result[1]?.[0]).startsWith(`ERROR: ${SOLD}`)).toBe(true);
    expect(result[2]).toEqual([120]);
  });
});

describe('KLING_IMAGES', () => {
  it('credits / 0.2 for every plan', () => {
    expect(s.call('KLING_IMAGES', 'standard')).toBe(3300);
    expect(s.call('KLING_IMAGES', 'pro')).toBe(15000);
    expect(s.call('KLING_IMAGES', 'premier')).toBe(40000);
    expect(s.call('KLING_IMAGES', 'ultra')).toBe(130000);
    expect(s.call('KLING_IMAGES', 'free')).toBe(9900);
    expect(s.call('KLING_IMAGES', 'Basic')).toBe(9900);
  });
});

describe('KLING_PLAN', () => {
  it('price by default, under the monthly renewal', () => {
    expect(s.call('KLING_PLAN', 'standard')).toBe(8.8);
    expect(s.call('KLING_PLAN', 'ultra', '')).toBe(159.99);
    expect(s.call('KLING_PLAN', 'ultra', '', '')).toBe(159.99);
  });

  it('every field', () => {
    expect(s.call('KLING_PLAN', 'pro', 'credits')).toBe(3000);
    expect(s.call('KLING_PLAN', 'pro', 'price', 'intro')).toBe(25.99);
    expect(s.call('KLING_PLAN', 'pro', 'cost_per_credit')).toBeCloseTo(32.56 / 3000, 14);
    expect(s.call('KLING_PLAN', 'pro', 'cost_per_100', 'annual')).toBeCloseTo(0.814, 12);
    expect(s.call('KLING_PLAN', 'pro', 'Cost Per 100', 'yearly')).toBeCloseTo(0.814, 12);
    expect(s.call('KLING_PLAN', 'standard', 'year', 'intro')).toBe(103.79);
    expect(s.call('KLING_PLAN', 'standard', 'year')).toBe(105.6);
    expect(s.call('KLING_PLAN', 'standard', 'year', 'annual')).toBe(79.2);
    expect(s.call('KLING_PLAN', 'standard', 'year', 'list')).toBe(120);
    expect(s.call('KLING_PLAN', 'ultra', 'price', 'annual')).toBeCloseTo(1429.99 / 12, 12);
    expect(s.call('KLING_PLAN', 'free', 'price')).toBe(0);
    expect(s.call('KLING_PLAN', 'free', 'cost_per_credit')).toBe(0);
  });
});

describe('KLING_BEST_PLAN and KLING_MONTHLY_COST', () => {
  it('billing and allow_topups; omitted or empty optional arguments take their defaults', () => {
    expect(s.call('KLING_BEST_PLAN', 700, '', '')).toBe('Standard + 330-credit pack');
    expect(s.call('KLING_BEST_PLAN', 700, undefined, true)).toBe('Standard + 330-credit pack');
    expect(s.call('KLING_BEST_PLAN', 700, 'monthly', false)).toBe('Pro');
    expect(s.call('KLING_BEST_PLAN', 700, 'monthly', 'no')).toBe('Pro');
    expect(s.call('KLING_BEST_PLAN', 700, 'monthly', 0)).toBe('Pro');
    expect(s.call('KLING_MONTHLY_COST', 700, 'yearly')).toBe(11.6);
    expect(s.call('KLING_MONTHLY_COST', 700, 'first_month')).toBe(11.99);
    expect(s.call('KLING_MONTHLY_COST', 700, 'list')).toBe(15);
    expect(s.call('KLING_BEST_PLAN', 2000, 'list')).toBe('Standard + 1,320-credit pack + 330-credit pack');
  });

  it('credits as numeric text, with thousands separators', () => {
    expect(s.call('KLING_BEST_PLAN', '700')).toBe('Standard + 330-credit pack');
    expect(s.call('KLING_MONTHLY_COST', ' 2,000 ')).toBe(32.56);
    expect(s.call('KLING_BEST_PLAN', '26,001')).toBe('Ultra + 330-credit pack');
  });

  it('allow_topups FALSE above 26,000 credits: an error that says so', () => {
    expect(s.error('KLING_BEST_PLAN', 30000, 'monthly', false).message).toMatch(/30,000 credits.*26,000.*allow_topups/);
    expect(s.error('KLING_MONTHLY_COST', 26001, '', 'FALSE').message).toMatch(/26,001 credits.*26,000/);
  });

  it('large needs answer up to 26,000,000 credits', () => {
    expect(s.call('KLING_BEST_PLAN', 26_000_000)).toMatch(/^Ultra \+ 270 x 96,000-credit pack/);
    expect(s.call('KLING_MONTHLY_COST', 26_000_000)).toBe(324849.99);
  });
});

describe('KLING_API_COST', () => {
  it('2.6 per clip; professional with audio without voice control', () => {
    expect(s.call('KLING_API_COST', 'std', 5)).toBe(0.21);
    expect(s.call('KLING_API_COST', 'std', 10, false)).toBe(0.42);
    expect(s.call('KLING_API_COST', 'pro', 5)).toBe(0.35);
    expect(s.call('KLING_API_COST', 'pro', 10)).toBe(0.7);
    expect(s.call('KLING_API_COST', 'pro', 5, true)).toBe(0.7);
    expect(s.call('KLING_API_COST', 'pro', 10, true)).toBe(1.4);
  });

  it('3.0 per second x secs, exact to the cent', () => {
    expect(s.call('KLING_API_COST', 'std', 5, false, 3)).toBe(0.42);
    expect(s.call('KLING_API_COST', 'std', 5, true, '3.0')).toBe(0.63);
    expect(s.call('KLING_API_COST', 'pro', 15, true, '3')).toBe(2.52);
    expect(s.call('KLING_API_COST', 'pro', 3, false, 3)).toBe(0.336);
    expect(s.call('KLING_API_COST', '4k', 7, false, 3)).toBe(2.94);
    expect(s.call('KLING_API_COST', '4k', 7, true, 3)).toBe(2.94);
  });

  it('2.6 standard with audio: the API has no such option, an error says so', () => {
    expect(s.error('KLING_API_COST', 'std', 5, true).message).toBe(
      "audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio; use audio FALSE, or professional with native audio",
    );
  });
});

describe('blank in, blank out', () => {
  it('a single-value call whose given arguments are all blank returns ""', () => {
    expect(s.call('KLING_CREDITS', '', '')).toBe('');
    expect(s.call('KLING_CREDITS', '', '', false)).toBe('');
    expect(s.call('KLING_CREDITS', '', '', '', '')).toBe('');
    expect(s.call('KLING_COST', '', '', false, '')).toBe('');
    expect(s.call('KLING_VIDEOS', '', '', '')).toBe('');
    expect(s.call('KLING_IMAGES', '')).toBe('');
    expect(s.call('KLING_PLAN', '')).toBe('');
    expect(s.call('KLING_BEST_PLAN', '')).toBe('');
    expect(s.call('KLING_MONTHLY_COST', '', '')).toBe('');
    expect(s.call('KLING_API_COST', '', '', false)).toBe('');
    expect(s.call('KLING_BUDGET', '', '', false, '')).toBe('');
    expect(s.call('KLING_CREDITS')).toBe('');
    // Audio alone never makes a row partly filled.
    expect(s.call('KLING_CREDITS', '', '', true)).toBe('');
    expect(s.call('KLING_API_COST', '', '', true, '4.0', 'fal')).toBe('');
  });

  it('a blank required argument next to given ones is an error naming it', () => {
    expect(s.error('KLING_CREDITS', 'std', '').message).toBe('secs is missing; use 5 or 10 (Kling 2.6)');
    expect(s.error('KLING_COST', 'std', 5, false, '').message).toBe('plan is missing; use free, standard, pro, premier or ultra');
    expect(s.error('KLING_CREDITS', '', 5).message).toBe('mode is missing; use standard or professional');
    expect(s.error('KLING_CREDITS', '', 5, false, '3.0').message).toBe('mode is missing; use standard, professional or 4k');
    expect(s.error('KLING_CREDITS', 'pro', '', true).message).toBe('secs is missing; use 5 or 10 (Kling 2.6)');
  });

  it('a 1x1 range counts as a single value', () => {
    expect(s.call('KLING_CREDITS', [['pro']], [[10]], [[true]])).toBe(200);
    expect(s.call('KLING_CREDITS', [['']], [['']])).toBe('');
    expect(s.error('KLING_CREDITS', [['prof']], 5).message).toMatch(/^mode "prof" is not a Kling mode/);
  });
});

describe('optional arguments: omitted, an empty cell or the default itself give the same answer', () => {
  // [function, required arguments, the defaults of the optional ones, in order]
  const cases: [string, unknown[], unknown[]][] = [
    ['KLING_CREDITS', ['pro', 10], [false, '2.6']],
    ['KLING_COST', ['pro', 10, true, 'pro'], ['monthly', 0, '2.6']],
    ['KLING_VIDEOS', ['pro', 'pro', 10], [false, 0, '2.6']],
    ['KLING_PLAN', ['pro'], ['price', 'monthly']],
    ['KLING_BEST_PLAN', [29000], ['monthly', true]],
    ['KLING_MONTHLY_COST', [29000], ['monthly', true]],
    ['KLING_API_COST', ['pro', 10], [false, '2.6', 'Kling']],
    ['KLING_BUDGET', [column('pro', 'std'), column(10, 5), column(true, false), column(2, 30)], ['monthly', 0.2, '2.6']],
  ];
  for (const [name, required, defaults] of cases) {
    it(name, () => {
      const expected = s.call(name, ...required, ...defaults);
      for (let given = 0; given <= defaults.length; given++) {
        // The first `given` optional arguments as empty cells, the rest left out.
        expect(s.call(name, ...required, ...defaults.slice(0, given).map(() => '')), `${given} empty`).toEqual(expected);
        // The first `given` ones as their defaults, the rest left out.
        expect(s.call(name, ...required, ...defaults.slice(0, given)), `${given} given`).toEqual(expected);
      }
      // An explicit undefined (an argument Sheets leaves out in the middle) is a default too.
      expect(s.call(name, ...required, ...defaults.map(() => undefined))).toEqual(expected);
    });
  }
});

describe('whole numbers computed by a formula', () => {
  // A cell =0.1*3*10 holds 3.0000000000000004 and shows 3; =0.3*50/3 holds 4.999999999999999
  // and shows 5. A finance user expects the number the sheet shows.
  it('secs a hair away from a whole number is that number', () => {
    expect(0.1 * 3 * 10).not.toBe(3);
    expect(s.call('KLING_CREDITS', 'std', 0.1 * 3 * 10, false, 3)).toBe(18);
    expect(s.call('KLING_CREDITS', 'std', 5 + 5e-15)).toBe(10);
    expect(s.call('KLING_CREDITS', 'std', 10 - 5e-15)).toBe(20);
    expect(s.call('KLING_API_COST', 'std', 0.1 * 3 * 10, false, 3)).toBe(0.252);
  });

  it('but a real fraction of a second is still an error', () => {
    expect(s.error('KLING_CREDITS', 'std', 3.001, false, 3).message).toMatch(/^secs 3\.001 is not a clip length Kling 3\.0 makes/);
    expect(s.error('KLING_CREDITS', 'std', 5.5).message).toMatch(/^secs 5\.5 is not a clip length Kling 2\.6 makes/);
  });

  it('a KLING_BUDGET count a hair away from a whole number is that number; 2.5 videos is an error', () => {
    const table = s.call('KLING_BUDGET', 'std', 5, false, 0.1 * 3 * 10) as unknown[][];
    expect(table[0]).toEqual(['Videos per month', 3]);
    expect(table[1]).toEqual(['Credits for delivered videos', 30]);
    expect(s.error('KLING_BUDGET', 'std', 5, false, 2.5).message).toBe(
      'row 1 of the shot list: count 2.5 is not a whole number of videos; use a whole number of videos per month from 0 to 1,000,000',
    );
  });
});
