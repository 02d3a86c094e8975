/**
 * Exact money. Every price and every payment is a whole number of cents; a monthly share of a
 * yearly price is a whole number of twelfths of a cent (Ultra annual: 142,999 cents / 12 a
 * month is 142,999 twelfths); API and reseller prices are whole ten-thousandths of a dollar
 * (ticks: $0.1667 a second). Sums are done in these integers (exact.ts when a retake rate divides
 * them); dollars appear only at output.
 *
 * Counts that must be whole (videos, images, credits with retakes) follow the counts rule below.
 */

/** Whole cents. */
export type Cents = number;
/** Whole twelfths of a cent: the unit of a month's share of a yearly price. */
export type Twelfths = number;
/**
 * Whole ten-thousandths of a dollar (hundredths of a cent): the unit of per-generation API and
 * reseller prices, which have at most 4 decimals ($0.1667 a second is 1,667 ticks).
 */
export type Ticks = number;
export const TICKS_PER_USD = 10_000;
export const TICKS_PER_CENT = 100;

export const TWELFTHS_PER_CENT = 12;
/** Twelfths of a cent per dollar. */
export const TWELFTHS_PER_USD = 1200;

/** Cents of a dollar amount typed or read with at most two decimals. */
export function centsOf(usd: number): Cents {
  return Math.round(usd * 100);
}

/** Ticks of a dollar amount with at most four decimals. */
export function ticksOf(usd: number): Ticks {
  return Math.round(usd * TICKS_PER_USD);
}

export function usdOfCents(cents: Cents): number {
  return cents / 100;
}

export function usdOfTwelfths(twelfths: Twelfths): number {
  return twelfths / TWELFTHS_PER_USD;
}

export function usdOfTicks(ticks: Ticks): number {
  return ticks / TICKS_PER_USD;
}

export function twelfthsOfCents(cents: Cents): Twelfths {
  return cents * TWELFTHS_PER_CENT;
}

/**
 * The counts rule (shared/spec/custom-functions.md), written once for every function: a number
 * within 1e-6 of a whole number is that whole number (=80*70/(1-30%) is 8000.000000000001 in
 * binary, 10*(1-0.8) is 1.9999999999999996: both are meant whole). Snapping comes before any
 * range check, so -1e-7 is 0 and 26,000,000.0000001 is 26,000,000.
 */
export const COUNT_TOLERANCE = 1e-6;

// Read once: a range call snaps hundreds of thousands of numbers, and where globals live on a
// global object (Apps Script, node:vm) each lookup of Math costs.
const round = Math.round;
const abs = Math.abs;
const ceil = Math.ceil;
const floor = Math.floor;

export function snapCount(x: number): number {
  const nearest = round(x);
  // + 0: -1e-7 snaps to 0, never to -0 (a sheet would show "-0" for some formats).
  return abs(x - nearest) <= COUNT_TOLERANCE ? nearest + 0 : x;
}

/** A need of credits (a month, a budget), whole: snapped, then rounded up. */
export function ceilCount(x: number): number {
  return ceil(snapCount(x));
}

/** A count of videos, images or a top-up balance, whole: snapped, then rounded down. */
export function floorCount(x: number): number {
  return floor(snapCount(x));
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  // A plain swap: a destructuring swap allocates an array per step.
  while (y) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** 1,234,567 */
export function formatThousands(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "$1,234.50" */
export function formatUsd(usd: number): string {
  const cents = Math.round(usd * 100);
  const whole = formatThousands(Math.floor(Math.abs(cents) / 100));
  return `${cents < 0 ? '-' : ''}$${whole}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

/** USD of a monthly amount in twelfths shared by `count` videos, as one division: $18.80 / 5 is 3.76. */
export function usdPerUnit(twelfths: Twelfths, count: number): number {
  return twelfths / (TWELFTHS_PER_USD * count);
}

/** Credits with at most two decimals, counted exactly in hundredths. */
export function hundredthsOf(credits: number): number {
  return Math.round(credits * 100);
}
