/** The pricing module: price book, engine and input parsing. Imports nothing else of src/. */
export * from './types';
export * from './errors';
export * from './parse';
export * from './money';
export { DEFAULT_PRICE_BOOK } from './defaultBook';
export { PricingEngine, DAYS_PER_MONTH, FOUR_K_ON_26, billingName } from './engine';
export type { BuyingOption, BudgetSummary, Clip, ShotLine } from './engine';
export { planTable, PLAN_TABLE_HEADER } from './tables';
export type { TableCell } from './tables';
export { bookToRows, bookFromRows, bookRowFormats, readIsoDate, PRICE_TABLE_HEADER, PRICE_TABLE_COLUMNS } from './bookTable';
export type { PriceCell } from './bookTable';
export { yearlyView, yearlyTable, YEAR_BILLINGS, YEARLY_HEADER, YEARLY_ROW_LABELS } from './yearly';
export type { YearBilling, YearlyOption, YearlyView } from './yearly';
export { compareWorkload, workloadBlock, summaryLines, optionsBlock, MAX_LINES } from './compare';
export type { Workload, Comparison, OptionFigures, LineFigures, ApiFigures, OptionKind, TableBlock, TableColumn, TableValue, ColumnKind, SummaryLine } from './compare';
