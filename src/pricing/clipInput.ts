import type { PricingEngine } from './engine';
import { describeValue, InputError } from './errors';
import type { Billed, Clip } from './models';
import { andList, channelTable, clipOptions, clipValue, lengthsText, orList, rateOf, shortModelName } from './models';
import { isBlank, parseAudio, parseMode, parseSecs } from './parse';
import type { RateTable, VideoModel } from './types';

/**
 * Reading one clip from cells as a user types them (model, mode, secs, audio), against what the
 * model of the price book in force offers. Written once: the custom functions, KLING_BUDGET's
 * shot list, the sidebar's selection and its payload check all read clips here.
 */

/**
 * The models of the book in force, for a message: those priced where the call asks (the app, Kling's
 * API) first, then the others and where they are sold: "2.6 or 3.0 (the price book also has 4.0 and
 * 4.0 Flash, sold by resellers only)".
 */
function modelChoices(engine: PricingEngine, billed: Billed): string {
  const all = engine.models.models;
  const pricedHere = (m: VideoModel) => channelTable(m, billed) !== null;
  const priced = all.filter(pricedHere);
  if (priced.length === 0) return orList(all.map((m) => shortModelName(m.name)));
  const list = orList(priced.map((m) => shortModelName(m.name)));
  const others = all.filter((m) => !pricedHere(m));
  if (others.length === 0) return list;
  const groups: [string, VideoModel[]][] = [
    ['priced only in the app', others.filter((m) => m.app)],
    ["sold on Kling's API", others.filter((m) => !m.app && m.api)],
    ['sold by resellers only', others.filter((m) => !m.app && !m.api)],
  ];
  const also = groups
    .filter(([, models]) => models.length > 0)
    .map(([where, models]) => `${andList(models.map((m) => shortModelName(m.name)))}, ${where}`)
    .join('; ');
  return `${list} (the price book also has ${also})`;
}

/** The model a cell names; blank is the default model, Kling 2.6. */
export function readModel(engine: PricingEngine, value: unknown, arg = 'model', billed: Billed = 'app'): VideoModel {
  if (isBlank(value)) {
    const fallback = engine.models.defaultModel;
    if (!fallback) {
      throw new InputError(`${arg} is missing and the price book has no Kling 2.6 (the default); use ${modelChoices(engine, billed)}`);
    }
    return fallback;
  }
  const found = engine.models.find(value);
  if (!found) {
    throw new InputError(`${arg} ${describeValue(value)} is not a model of the price book in force; use ${modelChoices(engine, billed)}`);
  }
  return found;
}

/** The raw cells of a clip. */
export interface ClipCells {
  readonly model: unknown;
  readonly mode: unknown;
  readonly secs: unknown;
  readonly audio: unknown;
}

/** A clip read and checked, with the rate table it was checked against and its value there. */
export interface ReadClip {
  readonly clip: Clip;
  readonly model: VideoModel;
  /** Credits (app) or ticks (USD x 10,000: Kling's API, a reseller) of the clip. */
  readonly value: number;
}

/**
 * Reads a clip for the app (credits) or the API (USD). For the API, a model without API rows
 * gives null: it has no API figure ("n/a"), which is not an input error.
 */
export function readClip(engine: PricingEngine, cells: ClipCells, billed: 'app'): ReadClip;
export function readClip(engine: PricingEngine, cells: ClipCells, billed: Billed): ReadClip | null;
export function readClip(engine: PricingEngine, cells: ClipCells, billed: Billed): ReadClip | null {
  const model = readModel(engine, cells.model, 'model', billed);
  const table: RateTable | null = billed === 'app' ? engine.appRates(model) : channelTable(model, billed);
  if (!table) {
    // No API price for the model: n/a, once the cells are at least a mode, a length and an audio option.
    parseMode(cells.mode);
    parseSecs(cells.secs, 'a clip length in seconds');
    parseAudio(cells.audio);
    return null;
  }
  const options = clipOptions(table);
  if (isBlank(cells.mode) && isBlank(cells.secs)) {
    throw new InputError(
      `mode and secs are missing; use a mode (${orList(options.modes)}) and a length (${lengthsText(options)}) that ${model.name} makes`,
    );
  }
  const mode = parseMode(cells.mode, 'mode', options.modeChoices);
  const secs = parseSecs(cells.secs, `${options.lengthChoices} (${model.name})`);
  const audio = parseAudio(cells.audio);
  const rate = rateOf(model, table, billed, mode, secs, audio);
  return { clip: { model: model.name, mode, secs, audio }, model, value: clipValue(rate, secs) };
}

/**
 * Reads a clip's cells without asking any channel whether it makes it: a model of the book (blank:
 * Kling 2.6), a Kling mode, a length in seconds, an audio option. For shot lists priced on every
 * channel (KLING_CHANNELS, KLING_BUDGET): a channel that does not offer the option has no figure
 * and says why; only cells that name no clip at all are an error.
 */
export function readClipCells(engine: PricingEngine, cells: ClipCells): Clip {
  const model = readModel(engine, cells.model, 'model', 'app');
  if (isBlank(cells.mode) && isBlank(cells.secs))
    throw new InputError('mode and secs are missing; use a mode (standard, professional or 4k) and a length in seconds');
  const mode = parseMode(cells.mode);
  const secs = parseSecs(cells.secs, 'a clip length in whole seconds');
  if (!(secs > 0 && secs <= 3600))
    throw new InputError(`secs ${describeValue(cells.secs)} is not a clip length; use a clip length in whole seconds`);
  const audio = parseAudio(cells.audio);
  return { model: model.name, mode, secs, audio };
}
