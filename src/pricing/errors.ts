/**
 * An input the add-on cannot price. Its message is written for the person at the sheet:
 * it names the argument, repeats the value and says what is accepted.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const MAX_SHOWN = 40;

/** How a value is repeated back in a message: text in quotes, dates as dates, never "NaN". */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'blank';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'blank';
    // Cut first (a cell may hold 50,000 characters), at a whole character: never between the two halves of an emoji.
    const cut = value.length > MAX_SHOWN * 2 ? value.slice(0, MAX_SHOWN * 2) : value;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
    const flat = cut.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    const shown = flat.length > MAX_SHOWN || cut !== value ? `${flat.slice(0, MAX_SHOWN).replace(/[\uD800-\uDBFF]$/, '')}...` : flat;
    return `"${shown}"`;
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not-a-number';
    if (value === Infinity) return 'infinity';
    if (value === -Infinity) return 'minus infinity';
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${localDate(value)}`;
  }
  if (Array.isArray(value)) return 'a list of values';
  return 'a value of an unknown kind';
}

/**
 * YYYY-MM-DD of a date cell as the sheet shows it. Apps Script passes a date cell as local
 * midnight of the script's time zone, so the local calendar date is the one the user typed
 * (the UTC date is the day before everywhere east of UTC).
 */
function localDate(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}
