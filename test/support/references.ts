/**
 * A1 references as Sheets writes them, for a formula engine that does not read all of them
 * (HyperFormula): open-ended ranges such as A2:A, $B$2:$B and 'Kling usage log'!$A$1:$A are
 * rewritten into bounded ranges before a formula reaches the engine, and the text references
 * INDIRECT takes ("'Kling prices'!A1:H9", "Sheet1!B2", "A1") are parsed here. Pure: no engine, no
 * node, so the browser preview uses it too.
 */

/** A reference read from text: 1-based, `sheet` null for the formula's own sheet. */
export interface Reference {
  readonly sheet: string | null;
  readonly row: number;
  readonly col: number;
  /** 0 rows: open-ended (A2:A), to the sheet's last row. */
  readonly rows: number;
  readonly cols: number;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A sheet name as a formula writes it: quoted unless it is a plain word ('Kling prices', Sheet1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
/** Sheets' grid has at most 18,278 columns (ZZZ). */
const MAX_COLUMN = 18_278;

/**
 * Parses a text reference: `'<sheet name>'!<A1 cell or range>` (apostrophes in the name doubled),
 * `Sheet1!A1:B2` (an unquoted plain name), or `A1` / `A1:B2` / `A2:A` / `A:C` of the formula's own
 * sheet. null when it is not one.
 */
export function parseReference(text: string): Reference | null {
  const trimmed = text.trim();
  let sheet: string | null = null;
  let rest = trimmed;
  if (trimmed.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= trimmed.length) return null;
      const ch = trimmed[i] as string;
      if (ch === "'") {
        if (trimmed[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (trimmed[i + 1] !== '!' || name === '') return null;
    sheet = name;
    rest = trimmed.slice(i + 2);
  } else {
    const bang = trimmed.lastIndexOf('!');
    if (bang >= 0) {
      const name = trimmed.slice(0, bang);
      if (!/^[A-Za-z0-9_.]+$/.test(name)) return null;
      sheet = name;
      rest = trimmed.slice(bang + 1);
    }
  }
  const [start, end, more] = rest.split(':');
  if (start === undefined || more !== undefined) return null;
  const a = CELL.exec(start);
  if (end === undefined) {
    if (!a) return null;
    return cellRange(sheet, columnNumber(a[1] as string), Number(a[2]), columnNumber(a[1] as string), Number(a[2]));
  }
  const b = CELL.exec(end);
  if (a && b) return cellRange(sheet, columnNumber(a[1] as string), Number(a[2]), columnNumber(b[1] as string), Number(b[2]));
  const openEnd = COLUMN.exec(end);
  if (a && openEnd) return openRange(sheet, columnNumber(a[1] as string), Number(a[2]), columnNumber(openEnd[1] as string));
  const openStart = COLUMN.exec(start);
  if (openStart && openEnd) return openRange(sheet, columnNumber(openStart[1] as string), 1, columnNumber(openEnd[1] as string));
  return null;
}

function cellRange(sheet: string | null, c1: number, r1: number, c2: number, r2: number): Reference | null {
  if (r1 < 1 || r2 < 1 || Math.max(c1, c2) > MAX_COLUMN) return null;
  return { sheet, row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function openRange(sheet: string | null, c1: number, r1: number, c2: number): Reference | null {
  if (r1 < 1 || Math.max(c1, c2) > MAX_COLUMN) return null;
  return { sheet, row: r1, col: Math.min(c1, c2), rows: 0, cols: Math.abs(c2 - c1) + 1 };
}

/**
 * `start:COL`, an A1 cell then a column alone (A2:A, $B$2:$B, A2:C), with an optional unquoted
 * sheet name before it, not part of a longer name and not a function call. The quoted sheet name
 * case ('Kling usage log'!$A$1:$A) is found by the scanner below: the code after a quoted name
 * starts with "!".
 */
const OPEN_RANGE = /(^|[^A-Za-z0-9_.$:!'])((?:[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_.$:!(])/g;
const OPEN_AFTER_QUOTED = /^!(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_.$:!(])/;

/**
 * Rewrites the open-ended ranges of a formula (A2:A, $B$2:$B, 'Kling usage log'!$A$1:$A) into
 * bounded ranges ending at `lastRow(sheet)`, the last row of the sheet they name (null: the
 * formula's own sheet). Text in string literals is left alone, and so are quoted sheet names.
 * A formula without one comes back as it was.
 */
export function rewriteOpenRanges(formula: string, lastRow: (sheet: string | null) => number): string {
  if (!formula.startsWith('=') || !formula.includes(':')) return formula;
  const bound = (column: string, startCell: string, sheet: string | null) => {
    const row = lastRow(sheet);
    const absolute = /^\$?[A-Za-z]+\$\d/.test(startCell);
    return `${column}${absolute ? '$' : ''}${row}`;
  };
  let out = '';
  let quotedSheet: string | null = null;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal ("" inside it) or a quoted sheet name ('' inside it), copied as it is.
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            name += ch;
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      out += formula.slice(i, j + 1);
      quotedSheet = ch === "'" ? name : null;
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    let code = formula.slice(i, j);
    if (quotedSheet !== null) {
      const sheet = quotedSheet;
      code = code.replace(OPEN_AFTER_QUOTED, (_all, start: string, column: string) => `!${start}:${bound(column, start, sheet)}`);
    }
    code = code.replace(OPEN_RANGE, (_all, before: string, prefix: string | undefined, start: string, column: string) => {
      const sheet = prefix ? prefix.slice(0, -1) : null;
      return `${before}${prefix ?? ''}${start}:${bound(column, start, sheet)}`;
    });
    out += code;
    quotedSheet = null;
    i = j;
  }
  return out;
}

const CELL_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(])/g;

function lettersOf(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * A formula written for one cell, as it reads for a cell `rows` down and `cols` right: its relative
 * references move, its absolute ones ($B$5) stay, text and sheet names are left alone. This is how
 * a conditional format rule's formula applies to each cell of its range.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    out += formula
      .slice(i, j)
      .replace(CELL_REF, (_all, before: string, colFixed: string, letters: string, rowFixed: string, row: string) => {
        const col = colFixed ? letters : lettersOf(Math.max(1, columnNumber(letters) + cols));
        const r = rowFixed ? row : String(Math.max(1, Number(row) + rows));
        return `${before}${colFixed}${col}${rowFixed}${r}`;
      });
    i = j;
  }
  return out;
}

/** TRUE and FALSE written as values (Sheets' literals), outside text, names and calls. */
const BOOLEAN_LITERAL = /(^|[^A-Za-z0-9_.$!:])(TRUE|FALSE)(?![A-Za-z0-9_.$!:(])/gi;
/** A number in scientific notation with a capital E (1E+300), which HyperFormula reads only as 1e+300. */
const EXPONENT = /(^|[^A-Za-z0-9_.$])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d+)(?![A-Za-z0-9_.(])/g;

/**
 * Literals as Sheets writes them and HyperFormula reads them otherwise: TRUE and FALSE as values
 * (=IF(A1,TRUE,FALSE)) become the calls TRUE() and FALSE(), and 1E+300 becomes 1e+300. Text in
 * string literals and quoted sheet names is left alone.
 */
export function rewriteLiterals(formula: string): string {
  if (!formula.startsWith('=') || !/TRUE|FALSE|\dE/i.test(formula)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    out += formula
      .slice(i, j)
      .replace(BOOLEAN_LITERAL, (_all, before: string, word: string) => `${before}${word.toUpperCase()}()`)
      .replace(EXPONENT, (_all, before: string, digits: string, exponent: string) => `${before}${digits}e${exponent}`);
    i = j;
  }
  return out;
}
