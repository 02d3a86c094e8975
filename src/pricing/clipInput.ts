import type { PricingEngine } from './engine';
import { describeValue, InputError } from './errors';
import type { Billed, Clip } from './models';
import { clipOptions, clipValue, lengthsText, orList, rateOf, shortModelName } from './models';
import { isBlank, parseAudio, parseMode, parseSecs } from './parse';
import type { RateTable, VideoModel } from './types';

/**
 * Reading one clip from cells as a user types them (model, mode, secs, audio), against what the
 * model of the price book in force offers. Written once: the custom functions, KLING_BUDGET's
 * shot list, the sidebar's selection and its payload check all read clips here.
 */

/** "2.6 or 3.0", and the models priced only in the other billing system, for a message. */
function modelChoices(engine: PricingEngine, billed: Billed): string {
  const all = engine.models.models;
  const priced = all.filter((m) => (billed === 'app' ? m.app : m.api));
  const others = all.filter((m) => !priced.includes(m));
  const list = orList(priced.map((m) => shortModelName(m.name)));
  if (others.length === 0) return list;
  const where = billed === 'app' ? 'only on the API' : 'only in the app';
  const names = others.map((m) => shortModelName(m.name));
  const also = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} (the price book also has ${also}, priced ${where})`;
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
  /** Credits (app) or mills (API) of the clip. */
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
  const table: RateTable | null = billed === 'app' ? engine.appRates(model) : model.api;
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
