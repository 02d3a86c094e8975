/**
 * Exact money. Every price and every payment is a whole number of cents; a monthly share of a
 * yearly price is a whole number of twelfths of a cent (Ultra annual: 142,999 cents / 12 a
 * month is 142,999 twelfths); API list prices are whole thousandths of a dollar (mills:
 * $0.084 a second). Sums are done in these integers; dollars appear only at output.
 *
 * Counts that must be whole (videos, images, credits with a buffer) are snapped to the nearest
 * integer when a float product lands a hair away from it (3 x 0.9 = 2.7,
 * 10 x (1 - 0.9) = 0.9999999999999998), then floored or ceiled.
 */

/** Whole cents. */
export type Cents = number;
/** Whole twelfths of a cent: the unit of a month's share of a yearly price. */
export type Twelfths = number;
/** Whole thousandths of a dollar: the unit of API list prices. */
export type Mills = number;

export const TWELFTHS_PER_CENT = 12;
/** Twelfths of a cent per dollar. */
export const TWELFTHS_PER_USD = 1200;

/** Cents of a dollar amount typed or read with at most two decimals. */
export function centsOf(usd: number): Cents {
  return Math.round(usd * 100);
}

/** Mills of a dollar amount with at most three decimals. */
export function millsOf(usd: number): Mills {
  return Math.round(usd * 1000);
}

export function usdOfCents(cents: Cents): number {
  return cents / 100;
}

export function usdOfTwelfths(twelfths: Twelfths): number {
  return twelfths / TWELFTHS_PER_USD;
}

export function usdOfMills(mills: Mills): number {
  return mills / 1000;
}

export function twelfthsOfCents(cents: Cents): Twelfths {
  return cents * TWELFTHS_PER_CENT;
}

/**
 * x, or the integer it is meant to be when float error put it a hair away. "A hair" is a few
 * units in the last place: a looser, 1e-9 relative test snapped 2,249,970 credits x 1.4999 =
 * 3,374,730.003 down to a whole number, so the buffer was rounded down instead of up.
 */
export function snapToInteger(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= 8 * Number.EPSILON * Math.max(1, Math.abs(x)) ? nearest : x;
}

export function floorExact(x: number): number {
  return Math.floor(snapToInteger(x));
}

export function ceilExact(x: number): number {
  return Math.ceil(snapToInteger(x));
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
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
