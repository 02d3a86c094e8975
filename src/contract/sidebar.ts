import type { AudioOption, Billing, Mode, PriceBook } from '../pricing';

/**
 * The contract between the "Compare plans" page (src/sidebar) and its server functions
 * (src/addon/sidebarServer.ts): each function's request and result, declared once. Types only:
 * the page's callServer is typed by SidebarServer, the server implements it with `satisfies`, and
 * neither side imports the other. Everything here crosses google.script.run, so it is plain JSON
 * data (no Date, no class, no undefined).
 */

/** One row of work, as the page sends it and the server checks it against the price book in force. */
export interface WorkRow {
  /** The model's name as the price book has it ("Kling 2.6"). */
  readonly model: string;
  readonly mode: Mode;
  readonly secs: number;
  readonly audio: AudioOption;
  /** Finished videos a month. */
  readonly count: number;
  /** Standard-mode test takes per final video (0 for none). */
  readonly testTakes: number;
  /**
   * The row's own retake rate, the share of its paid, finished takes thrown away, a fraction from 0
   * up to but not including 1 (0.3 is 30 %); null: the comparison's retake rate.
   */
  readonly retakeRate: number | null;
}

/**
 * sidebarInsertComparison's request: a month of work; the server recomputes every figure from it.
 * `billing` is the billing of the one-month figures; the channels over 12 months always take the
 * cheapest billing.
 */
export interface InsertRequest {
  readonly rows: readonly WorkRow[];
  readonly billing: Billing;
  /** The retake rate, a fraction from 0 up to but not including 1: 0.2 (20 %) plans 500 credits as 625. */
  readonly retakeRate: number;
  readonly images: number;
}

export interface InsertResult {
  readonly sheetName: string;
  /** A1 range of everything written, e.g. "A1:J40". */
  readonly range: string;
  readonly chart: boolean;
}

/** sidebarInit's result: the price book in force and where it comes from. */
export interface SidebarStart {
  readonly book: PriceBook;
  /** In words: the default price book, or the sheet "Kling prices" with its date. */
  readonly source: string;
  /** True when the prices come from the user's edited sheet. */
  readonly edited: boolean;
}

/** A row read from selected cells: a row whose "Videos per month" is blank has count null (it counts as nothing). */
export type SelectedRow = Omit<WorkRow, 'count'> & { readonly count: number | null };

export interface CellProblem {
  /** "B3", or the whole range for a problem of the selection. */
  readonly cell: string;
  readonly message: string;
}

/** sidebarReadSelection's result: the rows of work, or every problem by address (and then no rows). */
export interface SelectionResult {
  /** "'Shot list'!A1:E4" */
  readonly range: string;
  /** True when the columns were found by a header row's names. */
  readonly header: boolean;
  readonly rows: readonly SelectedRow[];
  readonly problems: readonly CellProblem[];
}

/** The server functions the page may call through google.script.run: name -> parameters and result. */
export interface SidebarServer {
  sidebarInit(): SidebarStart;
  sidebarReadSelection(): SelectionResult;
  sidebarInsertComparison(request: InsertRequest): InsertResult;
}

export type ServerFunction = keyof SidebarServer;
