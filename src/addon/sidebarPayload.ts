import type { Billing, Mode, Model, ShotLine, Workload } from '../pricing';
import { MAX_COUNT, MAX_LINES } from '../pricing';

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

const MODES: readonly Mode[] = ['standard', 'professional', '4k'];
const MODELS: readonly Model[] = ['2.6', '3.0'];
const BILLINGS: readonly Billing[] = ['monthly', 'intro', 'annual', 'list'];
const PAYLOAD_FIELDS = ['rows', 'billing', 'retakeRate'] as const;
const ROW_FIELDS = ['mode', 'secs', 'audio', 'count', 'model'] as const;

/** A key named back to the user only when it is a short plain identifier. */
function keyName(key: string | symbol): string {
  return typeof key === 'string' && /^[A-Za-z_$][\w$]{0,30}$/.test(key) ? `"${key}"` : 'with an unusual name';
}

function kindOf(value: unknown): string {
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
  if (keys.length > fields.length + 10) throw new PayloadError(`${where} has ${keys.length} fields; expected ${fields.join(', ')}`);
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

function readRow(value: unknown, where: string): ShotLine {
  const row = readRecord(value, where, ROW_FIELDS);
  const model = oneOf(row.model, `${where}.model`, MODELS);
  const mode = oneOf(row.mode, `${where}.mode`, MODES);
  if (mode === '4k' && model === '2.6') throw new PayloadError(`${where}.mode 4k is only offered by Kling 3.0`);
  const secs = wholeNumber(row.secs, `${where}.secs`, model === '2.6' ? 5 : 3, model === '2.6' ? 10 : 15);
  if (model === '2.6' && secs !== 5 && secs !== 10) throw new PayloadError(`${where}.secs must be 5 or 10 for Kling 2.6`);
  if (typeof row.audio !== 'boolean') throw wrongKind(`${where}.audio`, 'true or false', row.audio);
  const count = wholeNumber(row.count, `${where}.count`, 0, MAX_COUNT);
  return { mode, secs, audio: row.audio, count, model };
}

/** The workload of an insert request, or a PayloadError. */
export function parseInsertPayload(payload: unknown): Workload {
  const fields = readRecord(payload, 'the request', PAYLOAD_FIELDS);
  const rows = fields.rows;
  if (!Array.isArray(rows)) throw wrongKind('rows', 'a list', rows);
  if (rows.length === 0) throw new PayloadError('rows is empty; describe at least one row of work');
  if (rows.length > MAX_LINES) throw new PayloadError(`rows has ${rows.length} entries; at most ${MAX_LINES} are allowed`);
  if (Reflect.ownKeys(rows).length !== rows.length + 1) throw new PayloadError('rows must be a plain list without gaps or extra fields');
  const lines: ShotLine[] = [];
  for (let i = 0; i < rows.length; i++) lines.push(readRow(rows[i], `rows[${i}]`));
  const billing = oneOf(fields.billing, 'billing', BILLINGS);
  const rate = fields.retakeRate;
  if (typeof rate !== 'number') throw wrongKind('retakeRate', 'a number', rate);
  if (!(rate >= 0 && rate < 1)) throw new PayloadError('retakeRate must be a fraction from 0 up to but not including 1');
  return { lines, billing, retakeRate: rate };
}
