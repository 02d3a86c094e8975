import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK, InputError, PricingEngine, YEARLY_HEADER, yearlyTable, yearlyView } from '../../src/pricing';

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);

describe('the yearly view', () => {
  it('700 credits a month: Standard + the 330 pack is cheapest under every billing (figures by hand)', () => {
    const view = yearlyView(engine, 700, true);
    expect(view.options.map((o) => o.label)).toEqual(['Standard + 330-credit pack', 'Pro', 'Premier', 'Ultra']);
    const standard = view.options[0];
    expect(standard?.credits).toBe(990);
    // 6.99 + 11 x 8.80 + 12 x 5; 12 x (8.80 + 5); 79.20 + 12 x 5
    expect(standard?.year).toEqual({ intro: 163.79, monthly: 165.6, annual: 139.2 });
    // 25.99 + 11 x 32.56; 12 x 32.56; 293.04
    expect(view.options[1]?.year).toEqual({ intro: 384.15, monthly: 390.72, annual: 293.04 });
    expect(view.options[3]?.year).toEqual({ intro: 1887.88, monthly: 1919.88, annual: 1429.99 });
    expect(view.cheapest).toEqual({
      intro: { label: 'Standard + 330-credit pack', year: 163.79 },
      monthly: { label: 'Standard + 330-credit pack', year: 165.6 },
      annual: { label: 'Standard + 330-credit pack', year: 139.2 },
    });
    // Break-even: cheapest 12-month cost / (12 x 700 credits).
    expect(view.breakEven.intro).toBeCloseTo(163.79 / 8400, 12);
    expect(view.breakEven.monthly).toBeCloseTo(165.6 / 8400, 12);
    expect(view.breakEven.annual).toBeCloseTo(139.2 / 8400, 12);
  });

  it('1,700 credits: packs win when paying monthly, Pro wins with annual billing', () => {
    const view = yearlyView(engine, 1700, true);
    // Standard + 1,320 pack: 12 x (8.80 + 20) = 345.60 and 6.99 + 96.80 + 240 = 343.79; annual 79.20 + 240 = 319.20 > 293.04.
    expect(view.cheapest.monthly).toEqual({ label: 'Standard + 1,320-credit pack', year: 345.6 });
    expect(view.cheapest.intro).toEqual({ label: 'Standard + 1,320-credit pack', year: 343.79 });
    expect(view.cheapest.annual).toEqual({ label: 'Pro', year: 293.04 });
    const table = yearlyTable(view);
    expect(table[4]).toEqual(['Standard + 1,320-credit pack', 1980, 343.79, 345.6, 319.2, 'first month + renewals, monthly renewals']);
    expect(table[5]).toEqual(['Pro', 3000, 384.15, 390.72, 293.04, 'annual billing']);
  });

  it('has a fixed shape: header, cheapest cost, cheapest option, break-even, one row per paid plan', () => {
    for (const need of [0, 1, 700, 26_000, 100_000]) {
      const table = yearlyTable(yearlyView(engine, need, true));
      expect(table).toHaveLength(8);
      for (const row of table) expect(row).toHaveLength(6);
      expect(table[0]).toEqual([...YEARLY_HEADER]);
    }
    const table = yearlyTable(yearlyView(engine, 2000, true));
    expect(table[1]).toEqual(['Cheapest 12-month cost (USD)', 2000, 384.15, 390.72, 293.04, '']);
    expect(table[2]).toEqual(['Cheapest option', '', 'Pro', 'Pro', 'Pro', '']);
    expect(table[3]?.[0]).toBe("Break-even with Kling's API (USD per credit)");
    expect(table[3]?.[4]).toBeCloseTo(293.04 / 24000, 12);
  });

  it('0 credits: the free plan at 0, no break-even', () => {
    const table = yearlyTable(yearlyView(engine, 0, true));
    expect(table[1]).toEqual(['Cheapest 12-month cost (USD)', 0, 0, 0, 0, '']);
    expect(table[2]).toEqual(['Cheapest option', '', 'Free', 'Free', 'Free', '']);
    expect(table[3]).toEqual(["Break-even with Kling's API (USD per credit)", '', '', '', '', '']);
  });

  it('without top-ups, a plan too small has no costs; above Ultra it is an error', () => {
    const table = yearlyTable(yearlyView(engine, 5000, false));
    expect(table[4]).toEqual(['Standard (660 credits: too few)', 660, '', '', '', '']);
    expect(table[5]).toEqual(['Pro (3,000 credits: too few)', 3000, '', '', '', '']);
    expect(table[6]?.[0]).toBe('Premier');
    expect(table[2]).toEqual(['Cheapest option', '', 'Premier', 'Premier', 'Premier', '']);
    expect(() => yearlyView(engine, 30_000, false)).toThrow(InputError);
    expect(() => yearlyView(engine, 30_000, false)).toThrow(/no plan alone covers 30,000 credits/);
  });

  it('agrees with the engine: the cheapest 12-month cost under monthly renewal is 12 x the best monthly cost', () => {
    for (const need of [1, 330, 661, 990, 2000, 3001, 7999, 8001, 26_000, 26_001, 60_000]) {
      const view = yearlyView(engine, need, true);
      const best = engine.bestOption(need, 'monthly', true);
      expect(view.cheapest.monthly.year, `need ${need}`).toBe(best.yearCost);
      expect(view.cheapest.monthly.label, `need ${need}`).toBe(best.label);
    }
  });
});
