/**
 * User text written into a sheet stays text: a string beginning with =, +, - or @ would be read
 * by Sheets as a formula (=HYPERLINK(...) copied from a price table's Source column becomes a
 * live link), so it is written behind an apostrophe, which Sheets keeps as "this is text" and does
 * not show. Every writer passes user text through here.
 */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** A cell value of a table the add-on writes: user text made safe, numbers and booleans as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? asText(value) : value;
}

/** Every cell of rows of values, made safe. */
export function safeRows<T>(rows: readonly (readonly T[])[]): (T | string)[][] {
  return rows.map((row) => row.map(safeCell));
}
