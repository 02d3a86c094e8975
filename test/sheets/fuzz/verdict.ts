/**
 * What a custom function may hand back to Sheets, and what it may throw. A result is a finite
 * number, a text, a boolean, or a rectangular 2D array of those. An error is an Error whose
 * message is written for a person: no JavaScript internals and no leaked NaN, undefined or
 * Infinity.
 */

/** Messages of the JavaScript engine, which would mean a bug reached the cell. */
const INTERNAL_MESSAGES = [
  'Cannot read properties',
  'Cannot set properties',
  'Cannot convert',
  'Cannot destructure',
  'is not a function',
  'is not iterable',
  'is not defined',
  'is not a constructor',
  'Maximum call stack',
  'Invalid array length',
  'Invalid time value',
  'Invalid string length',
  'out of memory',
  'toFixed() digits',
  'Unexpected token',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  '[object ',
  'Code.js:',
  '    at ',
];

/** The message our functions give when something other than an input error was thrown. */
const SWALLOWED_BUG = 'could not compute this';

/** Half of a UTF-16 pair: what cutting "🎬🎬🎬" in the middle of a character leaves. The fuzz never passes one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Words that only reach a message when a value leaked: NaN, undefined, Infinity. */
const LEAKS = [/\bNaN\b/, /\bundefined\b/, /\bInfinity\b/];

/**
 * Text with the user's own input taken out: messages repeat a bad value in double quotes
 * (`mode "NaN" is not a Kling mode`), and repeating the user's text is not a leak.
 */
function withoutEchoes(text: string): string {
  return text.replace(/"[\s\S]*"/g, '""');
}

/**
 * Problems of a text a function returned or threw; empty when it reads as plain words. The
 * user's own text, repeated in quotes, is left out: it may say anything.
 */
export function textProblems(text: string): string[] {
  const problems: string[] = [];
  const own = withoutEchoes(text);
  for (const internal of INTERNAL_MESSAGES) {
    if (own.includes(internal)) problems.push(`internal message "${internal}"`);
  }
  if (LONE_SURROGATE.test(text)) problems.push('a broken character (half of a surrogate pair)');
  if (own.includes(SWALLOWED_BUG)) problems.push('an unexpected exception was swallowed into the generic message');
  for (const leak of LEAKS) {
    if (leak.test(own)) problems.push(`leaked value ${leak.source.replace(/\\b/g, '')}`);
  }
  return problems;
}

function cellProblems(value: unknown, where: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${where}: number ${value} is not finite`];
  if (typeof value === 'boolean') return [];
  if (typeof value === 'string') return textProblems(value).map((p) => `${where}: ${p} in ${JSON.stringify(value.slice(0, 200))}`);
  return [`${where}: a ${value === null ? 'null' : typeof value} is not a cell value`];
}

/** Problems of a returned value; empty when Sheets can show it as it is. */
export function resultProblems(result: unknown): string[] {
  if (!Array.isArray(result)) return cellProblems(result, 'result');
  if (result.length === 0) return ['result: an empty array'];
  const first = result[0];
  if (!Array.isArray(first) || first.length === 0) return ['result: not a 2D array with at least one cell'];
  const problems: string[] = [];
  result.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) {
      problems.push(`row ${r}: not an array`);
      return;
    }
    if (row.length !== first.length) problems.push(`row ${r}: ${row.length} cells, but row 0 has ${first.length}`);
    for (let c = 0; c < row.length; c++) {
      if (!(c in row)) problems.push(`row ${r}, column ${c}: a hole`);
      else problems.push(...cellProblems(row[c], `row ${r}, column ${c}`));
    }
  });
  return problems;
}

const ENGINE_ERRORS = [
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'InternalError',
  'AggregateError',
];

/**
 * Problems of a thrown value; empty when it is an Error of the bundle's realm (`realmError`, the
 * vm context's Error) with a plain-words message. Engine errors (TypeError ...) are bugs.
 */
export function errorProblems(error: unknown, realmError: ErrorConstructor): string[] {
  if (Object.prototype.toString.call(error) !== '[object Error]') return [`threw a non-Error: ${String(error).slice(0, 200)}`];
  const { name, message } = error as Error;
  const problems: string[] = [];
  if (!(error instanceof realmError)) problems.push('threw an Error of another realm');
  if (ENGINE_ERRORS.includes(name)) problems.push(`threw a ${name}`);
  if (typeof message !== 'string' || message.trim() === '') return [...problems, 'threw an Error without a message'];
  problems.push(...textProblems(message).map((p) => `${p} in ${JSON.stringify(message.slice(0, 300))}`));
  return problems;
}
