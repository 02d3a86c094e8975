/**
 * The formula engine the tests and the preview share (hyperformula.ts): what Sheets reads and
 * HyperFormula does not, bridged. Open-ended ranges (A2:A) rewritten outside text, INDIRECT of a
 * text reference, ISO dates, TRUE / FALSE literals, custom functions registered from any object
 * holding them, and every function the inserted sheets call known to the engine.
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { createAppsScriptFakes } from '../fakes/appsScript';
import { buildEngine, registerKlingFunctions, registerSheetsExtras, setCell, valueAt } from './hyperformula';
import { callGlobal, distHtmlFiles, loadBundle } from './loadBundle';
import { parseReference, rewriteLiterals, rewriteOpenRanges, shiftFormula } from './references';

const rows = (counts: Record<string, number>) => (sheet: string | null) => counts[sheet ?? 'own'] ?? 1000;

describe('open-ended ranges', () => {
  const last = rows({ own: 50, 'Kling usage log': 10_001, Sheet2: 7, "Bob's log": 12 });

  it('end at the last row of the sheet they name', () => {
    expect(rewriteOpenRanges('=SUM(A2:A)', last)).toBe('=SUM(A2:A50)');
    expect(rewriteOpenRanges('=COUNTIF($B$2:$B,"ok")', last)).toBe('=COUNTIF($B$2:$B$50,"ok")');
    expect(rewriteOpenRanges("=COUNTA('Kling usage log'!$A$1:$A)", last)).toBe("=COUNTA('Kling usage log'!$A$1:$A$10001)");
    expect(rewriteOpenRanges('=SUM(Sheet2!C3:D)', last)).toBe('=SUM(Sheet2!C3:D7)');
    expect(rewriteOpenRanges("=SUM('Bob''s log'!A2:A)+SUM(A1:B)", last)).toBe("=SUM('Bob''s log'!A2:A12)+SUM(A1:B50)");
    expect(rewriteOpenRanges('=ARRAYFORMULA(IF(A2:A="","",A2:A*2))', last)).toBe('=ARRAYFORMULA(IF(A2:A50="","",A2:A50*2))');
  });

  it('leave text, bounded ranges, whole columns and names alone', () => {
    for (const formula of [
      '="A2:A"&B1',
      "=SUM('A2:A'!B1:B9)",
      '=SUM(A:A)',
      '=SUM(A2:B9)',
      '=SUM(A2:A10)',
      '=LOG10(A1)',
      'A2:A',
      '=INDEX(A2:A10,1)',
      '=KLING_COST("pro",10,TRUE(),"standard",,,,\'Kling prices\'!A:H)',
    ]) {
      expect(rewriteOpenRanges(formula, last), formula).toBe(formula);
    }
  });

  it('are evaluated bounded, in a sheet the engine builds', () => {
    const hf = buildEngine({ S: [[1], [2], [3], ['=SUM(A1:A)'], ["=COUNTA('T x'!$A$2:$A)"]], 'T x': [['h'], ['a'], ['b']] });
    // A4 in its own range: a circular reference, as in Sheets.
    expect(valueAt(hf, 'S', 'A4')).toEqual({ error: expect.any(String) });
    setCell(hf, 'S', 'A4', '=SUM(A1:A3)');
    expect(valueAt(hf, 'S', 'A4')).toBe(6);
    expect(valueAt(hf, 'S', 'A5')).toBe(2);
    setCell(hf, 'S', 'B1', '=SUM(A2:A)');
    expect(valueAt(hf, 'S', 'B1')).toBe(2 + 3 + 6 + 2);
  });
});

describe('INDIRECT', () => {
  const hf = () =>
    buildEngine({
      Sheet1: [[1, 2], [3, 4], ['=INDIRECT("A2")']],
      "Bob's plan": [[10], [20], ['=A1*3']],
      Plain: [[7]],
    });

  it('parses the text references Sheets takes', () => {
    expect(parseReference("'Bob''s plan'!A1:B3")).toEqual({ sheet: "Bob's plan", row: 1, col: 1, rows: 3, cols: 2 });
    expect(parseReference('Plain!$C$4')).toEqual({ sheet: 'Plain', row: 4, col: 3, rows: 1, cols: 1 });
    expect(parseReference('b2')).toEqual({ sheet: null, row: 2, col: 2, rows: 1, cols: 1 });
    expect(parseReference('A2:A')).toEqual({ sheet: null, row: 2, col: 1, rows: 0, cols: 1 });
    for (const bad of ['', 'nonsense', "'unclosed!A1", 'A0', 'A1:B2:C3', "''!A1", 'Two words!A1'])
      expect(parseReference(bad), bad).toBeNull();
  });

  it('gives the value or range a text reference names, and #REF! for a bad one', () => {
    const engine = hf();
    expect(valueAt(engine, 'Sheet1', 'A3')).toBe(3);
    const cases: [string, unknown][] = [
      ["=INDIRECT(\"'Bob''s plan'!A2\")", 20],
      ['=INDIRECT("Plain!A1")', 7],
      ['=SUM(INDIRECT("A1:B2"))', 10],
      ["=SUM(INDIRECT(\"'Bob''s plan'!A1:A\"))", 10 + 20 + 30],
      ["=INDIRECT(\"'Bob''s plan'!A3\")", 30],
      ['=INDIRECT("\'"&"Bob\'\'s plan"&"\'!A1")', 10],
    ];
    for (const [formula, expected] of cases) {
      setCell(engine, 'Sheet1', 'D1', formula);
      expect(valueAt(engine, 'Sheet1', 'D1'), formula).toBe(expected);
    }
    for (const bad of ['=INDIRECT("nowhere")', '=INDIRECT("Missing!A1")', '=INDIRECT("A1:B2:C3")']) {
      setCell(engine, 'Sheet1', 'D1', bad);
      expect(valueAt(engine, 'Sheet1', 'D1'), bad).toEqual({ error: expect.stringContaining('It is not a valid cell/range reference') });
    }
  });

  it('spills a literal range reference, and follows a change to a formula it reads', () => {
    const engine = hf();
    setCell(engine, 'Sheet1', 'D1', '=INDIRECT("A1:B2")');
    expect([valueAt(engine, 'Sheet1', 'D1'), valueAt(engine, 'Sheet1', 'E2')]).toEqual([1, 4]);
    setCell(engine, 'Sheet1', 'F1', "=INDIRECT(\"'Bob''s plan'!A3\")*2");
    expect(valueAt(engine, 'Sheet1', 'F1')).toBe(60);
    setCell(engine, "Bob's plan", 'A1', 100);
    expect(valueAt(engine, 'Sheet1', 'F1')).toBe(600);
  });
});

describe('dates, booleans and relative references', () => {
  it('reads ISO dates in DATEVALUE, beside the default day-first dates; ISO text put into a sheet stays text', () => {
    const hf = buildEngine({
      S: [['=DATEVALUE("2026-11-03")', '2026-11-03', '=DATEVALUE("03/11/2026")', '=DATEVALUE("2026-11-03 14:22")']],
    });
    const serial = Date.UTC(2026, 10, 3) / 86_400_000 + 25_569;
    expect(valueAt(hf, 'S', 'A1')).toBe(serial);
    expect(valueAt(hf, 'S', 'B1')).toBe('2026-11-03');
    expect(valueAt(hf, 'S', 'C1')).toBe(serial);
    expect(valueAt(hf, 'S', 'D1')).toBe(serial);
    setCell(hf, 'S', 'E1', '=DATEVALUE(B1)+1');
    expect(valueAt(hf, 'S', 'E1')).toBe(serial + 1);
    setCell(hf, 'S', 'E1', '=DATEVALUE("2026-02-30")');
    expect(valueAt(hf, 'S', 'E1')).toEqual({ error: expect.any(String) });
  });

  it('hands the date cells of a range to a custom function as Dates', () => {
    const seen: unknown[] = [];
    const SEE_IT = (x: unknown) => {
      seen.push(x);
      return 1;
    };
    registerKlingFunctions({ SEE_IT }, ['SEE_IT'], {});
    const hf = buildEngine({
      S: [
        ['=SEE_IT(B1:B2)', '=DATE(2026,11,3)'],
        ['', 45000],
      ],
    });
    expect(valueAt(hf, 'S', 'A1')).toBe(1);
    const [[date], [number]] = seen[0] as [[unknown], [unknown]];
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
    expect((date as Date).toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(number).toBe(45000);
  });

  it('reads TRUE and FALSE written as values, and 1E+300', () => {
    expect(rewriteLiterals('=IF(A1,TRUE,FALSE)')).toBe('=IF(A1,TRUE(),FALSE())');
    expect(rewriteLiterals('=AND(true, TRUE())&"TRUE"')).toBe('=AND(TRUE(), TRUE())&"TRUE"');
    expect(rewriteLiterals("=SUM('TRUE'!A1)+TRUE_COUNT+TRUE!A1")).toBe("=SUM('TRUE'!A1)+TRUE_COUNT+TRUE!A1");
    expect(rewriteLiterals('=MIN(A1,1E+300)+2.5E-3+"1E+3"+E1E1')).toBe('=MIN(A1,1e+300)+2.5e-3+"1E+3"+E1E1');
    const hf = buildEngine({ S: [['=IF(TRUE,1,2)', '=NOT(FALSE)', '=MIN(5,1E+300)']] });
    expect([valueAt(hf, 'S', 'A1'), valueAt(hf, 'S', 'B1'), valueAt(hf, 'S', 'C1')]).toEqual([1, true, 5]);
  });

  it('moves the relative references of a rule written for the top-left cell', () => {
    expect(shiftFormula('=$B53=MIN($B$53:$B$55)', 2, 3)).toBe('=$B55=MIN($B$53:$B$55)');
    expect(shiftFormula('=A1+B$2+\'Sheet 1\'!C3+"D4"', 1, 1)).toBe('=B2+C$2+\'Sheet 1\'!D4+"D4"');
  });
});

describe('custom functions from any object holding them', () => {
  it('a plain object or a window serves as well as a node:vm context', () => {
    const holder = {
      DOUBLE_IT: (x: unknown) => Number(x) * 2,
      TABLE_IT: (n: unknown) => [
        [n, n],
        [n, n],
      ],
    };
    registerKlingFunctions(holder, ['DOUBLE_IT', 'TABLE_IT'], { TABLE_IT: [2, 2] });
    const hf = buildEngine({ S: [['=DOUBLE_IT(21)', '=TABLE_IT(3)'], ['=NOSUCHFN(1)']] });
    expect(valueAt(hf, 'S', 'A1')).toBe(42);
    expect(valueAt(hf, 'S', 'C2')).toBe(3);
    expect(valueAt(hf, 'S', 'A2')).toEqual({ error: 'Function name NOSUCHFN not recognized.' });
  });
});

describe('the inserted sheets', () => {
  it('call only functions the engine knows: native ones, and the custom functions of Code.js', () => {
    const fakes = createAppsScriptFakes({ files: distHtmlFiles() });
    const context = loadBundle(fakes.services);
    for (const item of ['insertBudgetTemplate', 'insertTwelveMonthPlan', 'insertUsageLog', 'insertPriceTable', 'editPrices']) {
      callGlobal(context, item);
    }
    const called = new Set<string>();
    for (const sheet of fakes.spreadsheet.getSheets()) {
      const formulas = [
        ...sheet.cellStates().map(([, , state]) => state.formula),
        ...sheet.getConditionalFormatRules().map((rule) => rule.formula),
      ];
      for (const formula of formulas) {
        // Names followed by "(" outside string literals.
        for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/([A-Za-z][A-Za-z0-9_.]*)\(/g))
          called.add((m[1] as string).toUpperCase());
      }
    }
    registerSheetsExtras();
    const custom = Object.keys(context).filter((name) => /^KLING_/.test(name));
    const known = new Set([...HyperFormula.getRegisteredFunctionNames('enGB'), ...custom]);
    expect(called.size).toBeGreaterThan(10);
    expect([...called].filter((name) => !known.has(name))).toEqual([]);
  });
});
