/** The pricing module: price book, engine and input parsing. Imports nothing else of src/. */

export type { PriceCell } from './bookTable';
export { bookFromRows, bookRowFormats, bookToRows, PRICE_TABLE_COLUMNS, PRICE_TABLE_HEADER, readIsoDate } from './bookTable';
export type {
  ApiFigures,
  ColumnKind,
  Comparison,
  LineFigures,
  OptionFigures,
  OptionKind,
  SummaryLine,
  TableBlock,
  TableColumn,
  TableValue,
  Workload,
} from './compare';
export { compareWorkload, MAX_LINES, optionsBlock, summaryLines, workloadBlock } from './compare';
export { DEFAULT_PRICE_BOOK } from './defaultBook';
export type { BudgetSummary, BuyingOption, Clip, ShotLine } from './engine';
export { billingName, DAYS_PER_MONTH, FOUR_K_ON_26, PricingEngine } from './engine';
export * from './errors';
export * from './money';
export * from './parse';
export type { TableCell } from './tables';
export { PLAN_TABLE_HEADER, planTable } from './tables';
export * from './types';
export type { YearBilling, YearlyOption, YearlyView } from './yearly';
export { YEAR_BILLINGS, YEARLY_HEADER, YEARLY_ROW_LABELS, yearlyTable, yearlyView } from './yearly';
