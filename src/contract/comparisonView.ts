import type {
  AudioOption,
  Billed,
  ChannelComparison,
  ChannelFigure,
  Clip,
  Exact,
  Mode,
  PricingEngine,
  RateTable,
  VideoModel,
} from '../pricing';
import { AUDIO_OPTIONS, andList, clipOptions, InputError, MODES } from '../pricing';

/**
 * What the "Compare plans" page and the server that inserts its comparison share, so neither
 * restates the other: what a row of work may be, and the order in which channels are shown.
 *
 * Every model of the book can be chosen in a row. A model with app credits offers what the app
 * makes (the one-month figures are the app's); a model without them (API-only, reseller-only)
 * offers what any channel that sells it makes, and the channels that do not make the clip say so
 * in the comparison.
 */

/**
 * The channels as the page and the sheet show them: the cheapest first, then the others with a
 * figure, cheapest first (ties in the core's order: the app, Kling's API, the book's providers),
 * then those without a figure, in the core's order.
 */
export function channelsInOrder(c: ChannelComparison): ChannelFigure[] {
  // Totals compared exactly; ties keep the core's order, so the first is the core's cheapest.
  const priced = c.channels
    .map((ch, i) => ({ ch, total: ch.total, i }))
    .filter((x): x is { ch: ChannelFigure; total: Exact; i: number } => x.total !== null)
    .sort((a, b) => a.total.compare(b.total) || a.i - b.i)
    .map((x) => x.ch);
  return [...priced, ...c.channels.filter((ch) => ch.total === null)];
}

/** "Kling API (prepaid packs) (estimate) (row 1 (...) is not sold there)": a channel without a figure, as notCompared names it. */
export function notComparedText(ch: ChannelFigure): string {
  return `${ch.label} (${(ch.reason ?? '').replace(/^n\/a: /, '')})`;
}

/** One rate table a row is checked against. */
interface RowTable {
  readonly billed: Billed;
  readonly table: RateTable;
}

/** The app's table when the model has app credits; else Kling's API and every reseller that sells it. */
function rowTables(model: VideoModel): RowTable[] {
  if (model.app) return [{ billed: 'app', table: model.app }];
  const tables: RowTable[] = model.api ? [{ billed: 'api', table: model.api }] : [];
  for (const r of model.resellers) tables.push({ billed: { provider: r.provider }, table: r.table });
  return tables;
}

/** The choices of a row of one model: modes, the lengths of a mode, the audio options of a mode and length. */
export interface RowChoices {
  readonly modes: readonly Mode[];
  lengths(mode: Mode): readonly number[];
  audio(mode: Mode, secs: number): readonly AudioOption[];
}

export function rowChoices(model: VideoModel): RowChoices {
  const options = rowTables(model).map((t) => clipOptions(t.table));
  const making = (mode: Mode) => options.filter((o) => o.modes.includes(mode));
  return {
    modes: MODES.filter((m) => making(m).length > 0),
    lengths: (mode) => [...new Set(making(mode).flatMap((o) => o.lengths))].sort((a, b) => a - b),
    audio: (mode, secs) => {
      const found = new Set(making(mode).flatMap((o) => (o.lengths.includes(secs) ? o.audio[mode] : [])));
      return AUDIO_OPTIONS.filter((a) => found.has(a));
    },
  };
}

/** "fal and PiAPI", "Kling's API": where a model without app credits is sold; "" when nowhere. */
export function soldBy(model: VideoModel): string {
  return andList([...(model.api ? ["Kling's API"] : []), ...model.resellers.map((r) => r.provider)]);
}

/**
 * Why a row cannot be this clip, in the core's words, or null when it can: the app makes it (a
 * model with app credits), or some channel that sells the model makes it (a model without).
 */
export function rowProblem(engine: PricingEngine, clip: Clip): string | null {
  let model: VideoModel;
  try {
    model = engine.model(clip.model);
    if (model.app) {
      engine.clipCredits(clip);
      return null;
    }
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  let first: string | null = null;
  for (const { billed } of rowTables(model)) {
    try {
      if (billed !== 'app' && engine.channelTicks(clip, billed) !== null) return null;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      first = first ?? error.message;
    }
  }
  return first ?? `${model.name} is sold by no channel of the price book`;
}
