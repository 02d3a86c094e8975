/**
 * INDIRECT for HyperFormula (it has none): a text reference ('<sheet name>'!A1:H9, Sheet1!B2, A1,
 * open-ended A2:A) gives the referenced value or range; anything else is #REF!, as in Sheets.
 * Volatile: recomputed on every change, since the engine cannot know what the text will name. The
 * engine may order that recomputation before a formula it reads is recomputed, so whoever changes
 * cells calls settleIndirect afterwards (buildEngine and the live workbook do).
 */
import type { HyperFormula } from 'hyperformula';
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { parseReference, type Reference } from './references';

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/** What the plugin uses of HyperFormula's dependency graph (not part of its typed API). */
interface Graph {
  readonly sheetMapping: { getSheetId(name: string): number | undefined };
  getCellValue(address: Address): unknown;
  getSheetHeight(sheet: number): number;
}

function notAReference(text: string): CellError {
  return new CellError(ErrorType.REF, `Function INDIRECT parameter 1 value is '${text}'. It is not a valid cell/range reference.`);
}

export class IndirectPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    INDIRECT: {
      method: 'indirect',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.BOOLEAN, optionalArg: true, defaultValue: true },
      ],
      isVolatile: true,
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: 'indirectSize',
    },
  };

  private get graph(): Graph {
    return (this as unknown as { dependencyGraph: Graph }).dependencyGraph;
  }

  /** The sheet a reference names (the formula's own when it names none), and its rows when open-ended. */
  private locate(ref: Reference, own: number): { sheet: number; rows: number } | null {
    const sheet = ref.sheet === null ? own : this.graph.sheetMapping.getSheetId(ref.sheet);
    if (sheet === undefined) return null;
    const rows = ref.rows > 0 ? ref.rows : Math.max(1, this.graph.getSheetHeight(sheet) - ref.row + 1);
    return { sheet, rows };
  }

  indirect(ast: { args: unknown[] }, state: { formulaAddress: Address }) {
    return this.runFunction(ast.args as never, state as never, this.metadata('INDIRECT'), ((text: string, a1: boolean) => {
      if (a1 === false) return new CellError(ErrorType.REF, 'INDIRECT with R1C1 references is not supported here: use A1 references.');
      const ref = parseReference(text);
      if (!ref) return notAReference(text);
      const at = this.locate(ref, state.formulaAddress.sheet);
      if (!at) return notAReference(text);
      const value = (row: number, col: number) => {
        const v = this.graph.getCellValue({ sheet: at.sheet, row, col });
        return v instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE) : v;
      };
      if (at.rows === 1 && ref.cols === 1) return value(ref.row - 1, ref.col - 1);
      const rows = Array.from({ length: at.rows }, (_, r) =>
        Array.from({ length: ref.cols }, (_, c) => value(ref.row - 1 + r, ref.col - 1 + c)),
      );
      return SimpleRangeValue.onlyValues(rows as never);
    }) as never);
  }

  /** The size of a literal reference's range (the engine must know it before evaluating); 1 x 1 otherwise. */
  indirectSize(ast: { args: { type?: string; value?: unknown }[] }, state: { formulaAddress: Address }) {
    const arg = ast.args[0];
    if (arg?.type !== 'STRING' || typeof arg.value !== 'string') return ArraySize.scalar();
    const ref = parseReference(arg.value);
    if (!ref) return ArraySize.scalar();
    const at = this.locate(ref, state.formulaAddress.sheet);
    return at ? new ArraySize(ref.cols, at.rows) : ArraySize.scalar();
  }
}

/** Functions whose results the engine may compute in the wrong order (see above). */
const UNORDERED = /\bINDIRECT\s*\(/i;

export function usesIndirect(formula: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && UNORDERED.test(formula);
}

/**
 * Recomputes every INDIRECT formula once more after a change, when what it reads is up to date:
 * each is written again as it is (one batch). A no-op without one.
 */
export function settleIndirect(hf: HyperFormula): void {
  const cells: { address: Address; formula: string }[] = [];
  for (const name of hf.getSheetNames()) {
    const sheet = hf.getSheetId(name) as number;
    const formulas = hf.getSheetFormulas(sheet);
    for (let row = 0; row < formulas.length; row++) {
      const line = formulas[row] ?? [];
      for (let col = 0; col < line.length; col++) {
        const formula = line[col];
        if (usesIndirect(formula)) cells.push({ address: { sheet, row, col }, formula: formula as string });
      }
    }
  }
  if (cells.length === 0) return;
  hf.batch(() => {
    for (const { address, formula } of cells) hf.setCellContents(address, [[formula]]);
  });
}
