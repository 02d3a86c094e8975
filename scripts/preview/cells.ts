/**
 * What the grid needs to know of one cell beyond its computed text: the text its editor starts
 * with, whether a value passes its data validation (and Sheets' message when not), and how typed
 * text is written. Pure (no DOM).
 */
import type { Cell, CellState, FakeDataValidation } from '../../test/fakes/appsScript';
import { formatNumber, isDateFormat } from '../../test/support/numberFormat';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The text the cell's editor (and the formula bar) shows: its formula, or its value as a person would type it. */
export function editText(state: Readonly<CellState> | undefined, value: Cell | null, serial: (date: Date) => number): string {
  if (state?.formula) return state.formula;
  const raw = state?.value;
  if (typeof raw === 'string' && raw !== '') return raw;
  const v = raw === undefined || raw === '' ? value : raw;
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const format = state?.format ?? '';
  if (isDate(v)) {
    const n = serial(v);
    return formatNumber(n, Number.isInteger(n) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
  }
  if (typeof v === 'number') {
    if (format && isDateFormat(format)) return formatNumber(v, Number.isInteger(v) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
    if (format.includes('%')) return `${Number((v * 100).toPrecision(12))}%`;
    return String(v);
  }
  return String(v);
}

/**
 * Typed text as Sheets takes it into a cell of `format`: a plain number typed into a percent cell
 * is that percent (20 -> 20 %). Everything else is written as typed; the formula engine reads
 * numbers, dates and booleans out of it, as Sheets does.
 */
export function typedText(text: string, format: string): string {
  if (format.includes('%') && !isDateFormat(format) && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(text)) return `${text.trim()}%`;
  return text;
}

/** Whether a dropdown arrow shows (a list or a range rule, shown as a dropdown). */
export function hasDropdown(validation: FakeDataValidation | null | undefined): boolean {
  if (!validation) return false;
  const kind = validation.getCriteriaType();
  return (kind === 'VALUE_IN_LIST' || kind === 'VALUE_IN_RANGE') && validation.getCriteriaValues()[1] !== false;
}

/** The values a list rule offers (a range rule's come from its range, read by the caller). */
export function listValues(validation: FakeDataValidation): string[] {
  const values = validation.getCriteriaValues()[0];
  return Array.isArray(values) ? values.map(String) : [];
}

/**
 * Why a value fails its rule, in Sheets' words, or null when it passes (a blank always passes).
 * `choices` are the values of a range rule's range.
 */
export function validationProblem(validation: FakeDataValidation, value: Cell | null, choices: readonly string[] = []): string | null {
  if (value === null || value === '') return null;
  const [a, b] = validation.getCriteriaValues() as unknown[];
  const help = validation.helpText ? `\n${validation.helpText}` : '';
  switch (validation.getCriteriaType()) {
    case 'VALUE_IN_LIST':
      return listValues(validation).includes(String(value)) ? null : `Input must be an item on the specified list.${help}`;
    case 'VALUE_IN_RANGE':
      return choices.includes(String(value)) ? null : `Input must fall within specified range.${help}`;
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(a) && value <= Number(b)
        ? null
        : `Input must be a number between ${a} and ${b}.${help}`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(a) ? null : `Input must be greater than or equal to ${a}.${help}`;
    case 'DATE_IS_VALID_DATE':
      return isDate(value) || typeof value === 'number' ? null : `Input must be a valid date.${help}`;
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : `Input must be a checkbox value.${help}`;
    default:
      return null;
  }
}
