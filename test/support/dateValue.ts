/**
 * DATEVALUE as Sheets reads it: ISO dates ("2026-11-03", "2026-11-03 14:22") as well as the
 * engine's own formats. HyperFormula's DATEVALUE knows only the date formats it is configured
 * with; the tests' engine keeps its defaults (so ISO text put into a test sheet stays text, as the
 * tests have always read it), the preview's engine adds ISO (typed ISO dates are dates there, as
 * in Sheets): either way DATEVALUE reads ISO.
 */
import type { FunctionPlugin } from 'hyperformula';
import { HyperFormula } from 'hyperformula';

/** HyperFormula's default date formats, with Sheets' ISO dates beside them (the preview's typed cells). */
export const SHEETS_DATE_FORMATS = ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD'];

/** The serial number (days since 1899-12-30) of an ISO date's day, or undefined when it is not one. */
export function isoDateSerial(text: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / 86_400_000 + 25_569;
}

type Evaluating = FunctionPlugin & {
  evaluateAst(ast: unknown, state: unknown): unknown;
  datevalue(ast: { args: unknown[] }, state: unknown): unknown;
};

/** The engine's DATEVALUE, reading ISO dates first. */
export function dateValuePlugin(): typeof FunctionPlugin {
  const Original = HyperFormula.getFunctionPlugin('DATEVALUE') as unknown as new (...args: never[]) => Evaluating;
  class SheetsDateValuePlugin extends Original {
    override datevalue(ast: { args: unknown[] }, state: unknown): unknown {
      if (ast.args.length === 1) {
        const text = this.evaluateAst(ast.args[0], state);
        const serial = typeof text === 'string' ? isoDateSerial(text) : undefined;
        if (serial !== undefined) return serial;
      }
      return super.datevalue(ast, state);
    }
  }
  return SheetsDateValuePlugin as unknown as typeof FunctionPlugin;
}
