import { formatThousands } from '../pricing';

/** How the sidebar shows figures; the browser tests format the engine's figures the same way. */

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function usd(amount: number): string {
  return USD.format(amount);
}

/** Whole numbers with thousands separators: 26,000. */
export function count(n: number): string {
  return formatThousands(Math.round(n));
}

/** Spare or missing credits: "+290 spare" / "40 missing". */
export function spare(n: number): string {
  return n >= 0 ? `+${count(n)} spare` : `${count(-n)} missing`;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10} %`;
}
