import type { PriceBook } from '../pricing';
import { defaultPriceBook, planPricesAsOf } from '../pricing';
import { effectiveBook, findPriceSheet, priceRangeReference } from './effectiveBook';
import type { LayoutPrices } from './layout';
import { quotedSheetName } from './sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a sheet writer needs to know about the prices in force. */
export interface CurrentPrices {
  /** The book the writer lays out with (the default book when the table is broken). */
  readonly book: PriceBook;
  /** The `prices` argument formulas pass ('Kling prices'!A:H), or null for the default book. */
  readonly reference: string | null;
  /** The price table's quoted sheet name for native formulas, or null. */
  readonly quotedSheet: string | null;
  /** Which prices the formulas use, in words. */
  readonly note: string;
  /** Why the edited table cannot be read now (its formulas will say so until it is fixed), or null. */
  readonly problem: string | null;
}

/** The prices a new sheet's formulas will use: the edited price table when there is one. */
export function currentPrices(spreadsheet: Spreadsheet): CurrentPrices {
  const sheet = findPriceSheet(spreadsheet);
  if (!sheet) {
    return {
      book: defaultPriceBook(),
      reference: null,
      quotedSheet: null,
      note: `the default price book (checked against its sources on ${defaultPriceBook().asOf})`,
      problem: null,
    };
  }
  const name = sheet.getName();
  const base = { reference: priceRangeReference(name), quotedSheet: quotedSheetName(name) };
  try {
    const current = effectiveBook(spreadsheet);
    return { ...base, book: current.book, note: current.description, problem: null };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { ...base, book: defaultPriceBook(), note: `the sheet "${name}" (it has an error: fix it and the figures follow)`, problem };
  }
}

export function layoutPrices(prices: CurrentPrices): LayoutPrices {
  return {
    pricesRef: prices.reference,
    priceSheet: prices.quotedSheet,
    pricesNote: prices.note,
    models: prices.book.models.map((m) => m.name),
    creditsPerImage: prices.book.images.creditsPerImage,
    planAsOf: planPricesAsOf(prices.book),
  };
}
