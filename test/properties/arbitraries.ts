import fc from 'fast-check';
import type { Billing, Clip, Mode, PlanId } from '../../src/pricing';

/** Runs per property: enough to explore, small enough that the suite stays in seconds. */
export const RUNS = 1_000;

export const BILLINGS: readonly Billing[] = ['monthly', 'intro', 'annual', 'list'];
export const PAID_PLANS: readonly PlanId[] = ['standard', 'pro', 'premier', 'ultra'];
export const ALL_PLANS: readonly PlanId[] = ['free', ...PAID_PLANS];

/** Modes from cheapest to dearest; 4k exists only on Kling 3.0. */
export const MODE_ORDER: readonly Mode[] = ['standard', 'professional', '4k'];

export const billingArb = fc.constantFrom(...BILLINGS);
export const paidPlanArb = fc.constantFrom(...PAID_PLANS);
export const planArb = fc.constantFrom(...ALL_PLANS);

/** A retake rate as a user types it: a share from 0 to 0.95. */
export const retakeArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 95 }).map((p) => p / 100),
  fc.double({ min: 0, max: 0.95, noNaN: true }),
);

/** A Kling 2.6 clip: standard or professional, 5 or 10 s. */
export const clip26Arb: fc.Arbitrary<Clip> = fc.record({
  model: fc.constant('2.6' as const),
  mode: fc.constantFrom<Mode>('standard', 'professional'),
  secs: fc.constantFrom(5, 10),
  audio: fc.boolean(),
});

/** A Kling 3.0 clip: any mode, 3 to 15 s. */
export const clip30Arb: fc.Arbitrary<Clip> = fc.record({
  model: fc.constant('3.0' as const),
  mode: fc.constantFrom<Mode>(...MODE_ORDER),
  secs: fc.integer({ min: 3, max: 15 }),
  audio: fc.boolean(),
});

/** Any clip Kling makes. */
export const clipArb: fc.Arbitrary<Clip> = fc.oneof(clip26Arb, clip30Arb);

/**
 * A clip and one that asks for more of one thing (seconds, audio or a higher mode), or of
 * several at once, on the same model.
 */
export const clipAndBiggerArb: fc.Arbitrary<{ small: Clip; big: Clip }> = clipArb.chain((small) => {
  const longer =
    small.model === '2.6' ? (small.secs === 5 ? [5, 10] : [10]) : Array.from({ length: 16 - small.secs }, (_, i) => small.secs + i);
  const modes =
    small.model === '2.6' ? MODE_ORDER.slice(MODE_ORDER.indexOf(small.mode), 2) : MODE_ORDER.slice(MODE_ORDER.indexOf(small.mode));
  return fc
    .record({
      secs: fc.constantFrom(...longer),
      audio: small.audio ? fc.constant(true) : fc.boolean(),
      mode: fc.constantFrom(...modes),
    })
    .map((more) => ({ small, big: { ...small, ...more } }));
});
