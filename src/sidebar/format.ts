import { formatThousands } from '../pricing';

/** How the sidebar shows figures; the browser tests format the core's figures the same way. */

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function usd(amount: number): string {
  return USD.format(amount);
}

/** Whole numbers with thousands separators: 26,000. */
export function count(n: number): string {
  return formatThousands(Math.round(n));
}

/** Spare or missing credits: "+290 spare credits" / "40 credits missing". */
export function spare(n: number): string {
  return n >= 0 ? `+${count(n)} spare credits` : `${count(-n)} credits missing`;
}

/** A number of percent as typed, grouped: 2,000 %, 0.2 %, 12.5 %. */
export function percentText(percent: number): string {
  return `${formatThousands(Math.round(percent * 1e6) / 1e6)} %`;
}

/** A fraction as percent: 0.2 -> "20 %". */
export function percent(rate: number): string {
  return percentText(rate * 100);
}

/** A 12-month figure of an option; null when it does not cover the work, or when there is nothing to buy. */
export function yearFigure(amount: number | null, covers: boolean): string {
  return amount === null ? (covers ? 'nothing to buy' : 'does not cover') : usd(amount);
}
