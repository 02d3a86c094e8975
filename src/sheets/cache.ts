/**
 * Results kept for the length of one call, keyed by a cell value. Text and small whole numbers sit
 * in objects without a prototype (faster than a Map for the handful of modes or plans a column
 * holds), booleans in two slots, anything else (fractions, dates) in a Map. The kinds never mix,
 * so 5, "5" and TRUE stay apart (-0 and 0 are one key, as in a Map).
 */

/** Text this long is never used as a key: V8 hashes long strings by length alone, so a map of them is quadratic. */
const LONGEST_KEY = 4096;
/** After this many distinct values, a cache that has been reused less often stops keeping them. */
export const SAMPLE = 2048;

export interface CacheNode {
  readonly text: Record<string, unknown>;
  readonly numbers: Record<number, unknown>;
  yes: unknown;
  no: unknown;
  other: Map<unknown, unknown> | null;
}

const emptyRecord = Object.create;

export function isLongText(value: unknown): boolean {
  return typeof value === 'string' && value.length > LONGEST_KEY;
}

export function newNode(): CacheNode {
  return { text: emptyRecord(null), numbers: emptyRecord(null), yes: undefined, no: undefined, other: null };
}

/** The node below `node` for a cell (made when new); undefined for long text, which is never a key. */
export function child(node: CacheNode, cell: unknown): CacheNode | undefined {
  if (isLongText(cell)) return undefined;
  let next = find(node, cell) as CacheNode | undefined;
  if (next === undefined) {
    next = newNode();
    keep(node, cell, next);
  }
  return next;
}

export function find(node: CacheNode, key: unknown): unknown {
  switch (typeof key) {
    case 'string':
      return node.text[key];
    case 'number':
      // Small whole numbers index the object directly; a fraction would be turned into text first.
      if ((key | 0) === key) return node.numbers[key];
      return node.other === null ? undefined : node.other.get(key);
    case 'boolean':
      return key ? node.yes : node.no;
    default:
      return node.other === null ? undefined : node.other.get(key);
  }
}

export function keep(node: CacheNode, key: unknown, value: unknown): void {
  switch (typeof key) {
    case 'string':
      node.text[key] = value;
      return;
    case 'number':
      if ((key | 0) === key) {
        node.numbers[key] = value;
        return;
      }
      break;
    case 'boolean':
      if (key) node.yes = value;
      else node.no = value;
      return;
  }
  if (node.other === null) node.other = new Map<unknown, unknown>();
  node.other.set(key, value);
}
