/** The pricing module: price book, engine, input parsing and spend over time. Imports nothing else of src/. */

export type { LogCells, MonthActuals, Outcome } from './actuals';
export { ACTUALS_HEADER, actualsByMonth, actualsTable, DATE_CHOICES, monthOf, OUTCOME_CHOICES, parseOutcome, retakeRate } from './actuals';
export { API_SCHEDULE_HEADER } from './apiSchedule';
export type { PriceCell } from './bookTable';
export {
  bookFromRows,
  bookRowFormats,
  bookToRows,
  PRICE_TABLE_COLUMNS,
  PRICE_TABLE_HEADER,
  PRICE_TABLE_MAX_ROWS,
  readIsoDate,
} from './bookTable';
export type { BudgetInput, BudgetSummary } from './budget';
export { apiMonthMicroUsd, apiOverMonths, budgetSummary, lineCredits, MAX_BUFFER_RATE, testTakeOf } from './budget';
export type { Bundle } from './bundles';
export { bundleMonth, compareBundles, hasPacks, makeBundle, packCredits } from './bundles';
export type { ClipCells, ReadClip } from './clipInput';
export { readClip, readModel } from './clipInput';
export type {
  ApiFigures,
  ColumnKind,
  Comparison,
  LineFigures,
  OptionFigures,
  OptionKind,
  ShotLine,
  SummaryLine,
  TableBlock,
  TableColumn,
  TableValue,
  Workload,
} from './compare';
export { compareWorkload, MAX_IMAGES, MAX_LINES, MAX_TEST_TAKES, optionsBlock, summaryLines, workloadBlock } from './compare';
export { DEFAULT_PRICE_BOOK } from './defaultBook';
export { checkNeed, PricingEngine } from './engine';
export * from './errors';
export { packsLabel } from './labels';
export type { Billed, Clip, ClipOptions } from './models';
export { clipOptions, DEFAULT_MODEL_KEY, lengthsText, ModelIndex, modelKey, orList, rateItem, shortModelName } from './models';
export * from './money';
export * from './parse';
export * from './plans';
export { SCHEDULE_HEADER } from './schedule';
export type { ApiSpend, PlannedSpend, SpendOptions } from './spend';
export {
  apiPacksLabel,
  apiSpendProblem,
  apiSpendTable,
  appOrApi,
  MAX_MONTHS,
  planApiSpend,
  planSpend,
  spendLabel,
  spendTable,
} from './spend';
export type { TableCell } from './tables';
export { PLAN_TABLE_HEADER, planTable } from './tables';
export * from './types';
export type { YearBilling, YearlyPlanRow, YearlyView } from './yearly';
export { YEAR_BILLINGS, YEARLY_HEADER, YEARLY_ROW_LABELS, yearlyTable, yearlyView } from './yearly';
