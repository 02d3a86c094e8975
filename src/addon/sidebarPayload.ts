import { rowProblem } from '../contract/comparisonView';
import type { PricingEngine, ShotLine, Workload } from '../pricing';
import { AUDIO_OPTIONS, BILLINGS, MAX_COUNT, MAX_IMAGES, MAX_LINES, MAX_TEST_TAKES, MODES } from '../pricing';

/**
 * Strict validation of what the sidebar page sends to the server. The page is not trusted: a
 * payload of the wrong shape, type or size, with unknown fields or unknown values, is refused
 * with a clear message that never repeats the value it was given (it may be huge or hold HTML).
 */

export class PayloadError extends Error {
  constructor(message: string) {
    super(`Kling Cost refused the comparison: ${message}`);
    this.name = 'PayloadError';
  }
}

const PAYLOAD_FIELDS = ['rows', 'billing', 'retakeRate', 'images'] as const;
const ROW_FIELDS = ['model', 'mode', 'secs', 'audio', 'count', 'testTakes', 'retakeRate'] as const;

/** A key named back to the user only when it is a short plain identifier. */
function keyName(key: string | symbol): string {
  return typeof key === 'string' && /^[A-Za-z_$][\w$]{0,30}$/.test(key) ? `"${key}"` : 'with an unusual name';
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** "where must be expected, got a number". */
function wrongKind(where: string, expected: string, value: unknown): PayloadError {
  return new PayloadError(`${where} must be ${expected}, got ${kindOf(value)}`);
}

/**
 * An object literal and nothing else (works across realms): no class instance, no array, no
 * getters, exactly the expected own keys (symbols and "__proto__" included).
 */
function readRecord<K extends string>(value: unknown, where: string, fields: readonly K[]): Record<K, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.prototype.toString.call(value) !== '[object Object]') {
    throw wrongKind(where, 'an object', value);
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new PayloadError(`${where} must be a plain object`);
  const keys = Reflect.ownKeys(value);
  for (const key of keys) {
    if (!(fields as readonly (string | symbol)[]).includes(key)) {
      throw new PayloadError(`${where} has an unexpected field ${keyName(key)}; expected only ${fields.join(', ')}`);
    }
  }
  const out = Object.create(null) as Record<K, unknown>;
  for (const field of fields) {
    const descriptor = Object.getOwnPropertyDescriptor(value, field);
    if (!descriptor) throw new PayloadError(`${where} is missing the field "${field}"`);
    if (!('value' in descriptor)) throw new PayloadError(`${where}.${field} must be a plain value`);
    out[field] = descriptor.value;
  }
  return out;
}

function oneOf<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  if (typeof value !== 'string') throw wrongKind(where, `text (${choices.join(', ')})`, value);
  if (!(choices as readonly string[]).includes(value)) throw new PayloadError(`${where} must be one of ${choices.join(', ')}`);
  return value as T;
}

function wholeNumber(value: unknown, where: string, low: number, high: number): number {
  if (typeof value !== 'number') throw wrongKind(where, 'a number', value);
  if (!Number.isInteger(value) || value < low || value > high)
    throw new PayloadError(`${where} must be a whole number from ${low} to ${high}`);
  return value;
}

/** A retake rate: a number from 0 up to but not including 1, read to 6 decimals as every rate is. */
function retakeRate(value: unknown, where: string): number {
  if (typeof value !== 'number') throw wrongKind(where, 'a number', value);
  const read = Math.round(value * 1_000_000) / 1_000_000;
  if (!(read >= 0 && read < 1)) throw new PayloadError(`${where} must be a fraction from 0 up to but not including 1 (0.2 is 20 %)`);
  return read;
}

function readRow(engine: PricingEngine, value: unknown, index: number): ShotLine {
  const where = `rows[${index}]`;
  const row = readRecord(value, where, ROW_FIELDS);
  if (typeof row.model !== 'string') throw wrongKind(`${where}.model`, 'text', row.model);
  const model = engine.models.find(row.model);
  if (!model || model.name !== row.model) throw new PayloadError(`${where}.model must be a model of the price book in force`);
  const clip = {
    model: model.name,
    mode: oneOf(row.mode, `${where}.mode`, MODES),
    secs: wholeNumber(row.secs, `${where}.secs`, 1, 600),
    audio: oneOf(row.audio, `${where}.audio`, AUDIO_OPTIONS),
  };
  // What the model makes, as the price book says (in the app, or where it is sold without app credits).
  const problem = rowProblem(engine, clip);
  if (problem) throw new PayloadError(`${where}: ${problem}`);
  return {
    clip,
    count: wholeNumber(row.count, `${where}.count`, 0, MAX_COUNT),
    testTakes: wholeNumber(row.testTakes, `${where}.testTakes`, 0, MAX_TEST_TAKES),
    retakeRate: row.retakeRate === null ? null : retakeRate(row.retakeRate, `${where}.retakeRate`),
    row: index + 1,
  };
}

/** The workload of an insert request (InsertRequest of src/contract/sidebar.ts), checked against the price book in force, or a PayloadError. */
export function parseInsertPayload(engine: PricingEngine, payload: unknown): Workload {
  if (payload === undefined) throw new PayloadError('the request is missing');
  const fields = readRecord(payload, 'the request', PAYLOAD_FIELDS);
  const rows = fields.rows;
  if (!Array.isArray(rows)) throw wrongKind('rows', 'a list', rows);
  if (rows.length > MAX_LINES) throw new PayloadError(`rows has ${rows.length} entries; at most ${MAX_LINES} are allowed`);
  if (Reflect.ownKeys(rows).length !== rows.length + 1) throw new PayloadError('rows must be a plain list without gaps or extra fields');
  return {
    lines: rows.map((row, i) => readRow(engine, row, i)),
    billing: oneOf(fields.billing, 'billing', BILLINGS),
    retakeRate: retakeRate(fields.retakeRate, 'retakeRate'),
    images: wholeNumber(fields.images, 'images', 0, MAX_IMAGES),
  };
}
