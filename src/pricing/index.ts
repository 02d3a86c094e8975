/** The pricing module: price book, engine, input parsing and spend over time. Imports nothing else of src/. */

export type { LogCells, MonthActuals, Outcome } from './actuals';
export { ACTUALS_HEADER, actualsByMonth, actualsTable, DATE_CHOICES, monthOf, OUTCOME_CHOICES, parseOutcome, retakeRate } from './actuals';
export type { ApiWindowRule } from './apiSchedule';
export { API_SCHEDULE_HEADER, apiWindowNote, apiWindowRule } from './apiSchedule';
export type { PriceCell } from './bookTable';
export {
  bookFromRows,
  bookRowFormats,
  bookToRows,
  dataRows,
  NO_PRICE_CHANGED,
  PRICE_CHANGES_HEADER,
  PRICE_TABLE_COLUMNS,
  PRICE_TABLE_HEADER,
  PRICE_TABLE_MAX_ROWS,
  priceChanges,
  readIsoDate,
  rowKey,
} from './bookTable';
export type { BudgetInput, BudgetSummary } from './budget';
export { BUDGET_MONTHS, budgetShots, budgetSummary, creditsWithRetakes } from './budget';
export type { Bundle } from './bundles';
export { bundleMonth, compareBundles, hasPacks, makeBundle, packCredits } from './bundles';
export type { WallClock } from './calendar';
export { isoDay, isoMonth, wallClock } from './calendar';
export type { ChannelBilling, ChannelComparison, ChannelFigure, ChannelKind, ChannelWork, ShotRow } from './channels';
export {
  appBillingName,
  appBoughtAs,
  CHANNELS_HEADER,
  CHEAPEST_BILLINGS,
  channelFigures,
  channelMonthsTable,
  channelsTable,
  compareChannels,
  NOT_AVAILABLE,
  noResellerReason,
  notCompared,
  resellerPurchases,
} from './channels';
export type { ClipCells, ReadClip } from './clipInput';
export { readClip, readClipCells, readModel } from './clipInput';
export type {
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
export {
  channelsBlock,
  compareWorkload,
  MAX_IMAGES,
  MAX_LINES,
  MAX_TEST_TAKES,
  optionsBlock,
  summaryLines,
  workloadBlock,
} from './compare';
export { DEFAULT_PRICE_BOOK, defaultPriceBook } from './defaultBook';
export { checkNeed, PricingEngine } from './engine';
export * from './errors';
export { Exact, retakeFactor } from './exact';
export type { CaseInputs, WorkloadRange } from './finance';
export {
  budgetRange,
  CASE_INPUT_NAMES,
  casesOutOfOrder,
  cheapestAfterContingency,
  HIGH_CASE,
  LOW_CASE,
  rangeLine,
  withContingency,
} from './finance';
export { packsLabel } from './labels';
export type { Billed, Clip, ClipOptions } from './models';
export {
  andList,
  channelTable,
  clipOptions,
  clipText,
  DEFAULT_MODEL_KEY,
  lengthsText,
  ModelIndex,
  modelKey,
  orList,
  rateItem,
  shortModelName,
  testTakeOf,
} from './models';
export * from './money';
export * from './parse';
export * from './plans';
export { daysBetween, PRICE_AGE_ADVICE, PRICE_AGE_WARN_DAYS, planPricesAsOf, priceAgeText } from './priceAge';
export { SCHEDULE_HEADER } from './schedule';
export type { ApiSpend, PlannedSpend, SpendOptions } from './spend';
export {
  apiPacksLabel,
  apiSpendProblem,
  apiSpendTable,
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
