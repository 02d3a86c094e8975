/**
 * Exactness helpers. Prices are USD with cents; sums of prices are done in whole cents so that
 * 8.80 + 5 is 13.80 and not 13.799999999999999. Counts that must be whole (videos, images,
 * credits with a buffer) are snapped to the nearest integer when a float product lands a hair
 * away from it (3 x 0.9 = 2.7, 10 x (1 - 0.9) = 0.9999999999999998), then floored or ceiled.
 */

export function toCents(usd: number): number {
  return Math.round(usd * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
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

/**
 * A plan's monthly cost (whole cents, or whole cents / 12 under annual billing) shared by `count`
 * videos, as one division of integers: $18.80 / 5 is 3.76, not 3.7600000000000002.
 */
export function costPerUnit(monthlyCost: number, count: number): number {
  return Math.round(monthlyCost * 1200) / (1200 * count);
}
