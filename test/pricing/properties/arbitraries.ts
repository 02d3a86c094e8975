import fc from 'fast-check';
import type { AudioOption, Billing, Clip, Mode, PlanId } from '../../../src/pricing';

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

/** A retake rate as the core receives it (read to 6 decimals): a share from 0 to 0.95. */
export const retakeArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 95 }).map((p) => p / 100),
  fc.integer({ min: 0, max: 950_000 }).map((m) => m / 1_000_000),
);

/** Audio options from none to the most: native audio, then voice control. */
export const AUDIO_ORDER: readonly AudioOption[] = ['silent', 'audio', 'voice'];

/** A Kling 2.6 clip: standard or professional, 5 or 10 s, with or without audio (the app has no voice control). */
export const clip26Arb: fc.Arbitrary<Clip> = fc.record({
  model: fc.constantFrom('2.6', 'Kling 2.6'),
  mode: fc.constantFrom<Mode>('standard', 'professional'),
  secs: fc.constantFrom(5, 10),
  audio: fc.constantFrom<AudioOption>('silent', 'audio'),
});

/** A Kling 3.0 clip: any mode, 3 to 15 s; voice control except in 4k. */
export const clip30Arb: fc.Arbitrary<Clip> = fc
  .record({
    model: fc.constantFrom('3.0', 'Kling 3.0', '3'),
    mode: fc.constantFrom<Mode>(...MODE_ORDER),
    secs: fc.integer({ min: 3, max: 15 }),
    audio: fc.constantFrom<AudioOption>(...AUDIO_ORDER),
  })
  .map((clip) => (clip.mode === '4k' && clip.audio === 'voice' ? { ...clip, audio: 'audio' as const } : clip));

/** Any clip Kling makes. */
export const clipArb: fc.Arbitrary<Clip> = fc.oneof(clip26Arb, clip30Arb);

/**
 * A clip and one that asks for more of one thing (seconds, audio or a higher mode), or of
 * several at once, on the same model.
 */
export const clipAndBiggerArb: fc.Arbitrary<{ small: Clip; big: Clip }> = clipArb.chain((small) => {
  const is26 = small.model.endsWith('2.6');
  const longer = is26 ? (small.secs === 5 ? [5, 10] : [10]) : Array.from({ length: 16 - small.secs }, (_, i) => small.secs + i);
  const modes = is26 ? MODE_ORDER.slice(MODE_ORDER.indexOf(small.mode), 2) : MODE_ORDER.slice(MODE_ORDER.indexOf(small.mode));
  const audios = AUDIO_ORDER.slice(AUDIO_ORDER.indexOf(small.audio), is26 ? 2 : 3);
  return (
    fc
      .record({
        secs: fc.constantFrom(...longer),
        audio: fc.constantFrom(...audios),
        mode: fc.constantFrom(...modes),
      })
      // 4k has no voice control: a bigger 4k clip keeps native audio.
      .filter((more) => !(more.mode === '4k' && more.audio === 'voice'))
      .map((more) => ({ small, big: { ...small, ...more } }))
  );
});
