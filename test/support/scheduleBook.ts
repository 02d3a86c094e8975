/** The default price book in the shapes the schedule takes: packs in whole cents. */
import { DEFAULT_PRICE_BOOK, toCents } from '../../src/pricing';

/** The default top-up packs: whole cents, credits with the bonus. */
export const DEFAULT_PACKS: readonly { readonly cents: number; readonly credits: number }[] = DEFAULT_PRICE_BOOK.packs.map((p) => ({
  cents: toCents(p.price),
  credits: p.credits + p.bonus,
}));

/** Kling's standard API packs (pricing-facts.md, section 4): $700 / 5,000 ... $7,560 / 60,000 units. */
export const DEFAULT_API_PACKS: readonly { readonly cents: number; readonly units: number }[] = [
  { cents: 70_000, units: 5_000 },
  { cents: 210_000, units: 15_000 },
  { cents: 567_000, units: 45_000 },
  { cents: 756_000, units: 60_000 },
];
