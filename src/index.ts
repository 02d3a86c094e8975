/**
 * The server entry. What this file exports, and only that, becomes an Apps Script global
 * (the build writes one documented top-level function per export). Everything else stays
 * private inside the bundle.
 */

export { insertBudgetTemplate } from './addon/budgetTemplate';
export { editPrices } from './addon/editPrices';
export { showHelp } from './addon/help';
export { lockBudgetVersion } from './addon/lockVersion';
export { onInstall, onOpen } from './addon/menu';
export { insertTwelveMonthPlan } from './addon/plan';
export { insertPriceTable } from './addon/priceTable';
export { showSidebar, sidebarInit, sidebarInsertComparison, sidebarReadSelection } from './addon/sidebarServer';
export { insertUsageLog } from './addon/usageLog';
export {
  KLING_ACTUALS,
  KLING_API_COST,
  KLING_API_SCHEDULE,
  KLING_BEST_PLAN,
  KLING_BUDGET,
  KLING_CHANNELS,
  KLING_COST,
  KLING_CREDITS,
  KLING_IMAGES,
  KLING_MONTHLY_COST,
  KLING_PLAN,
  KLING_PRICE_CHANGES,
  KLING_PRICES,
  KLING_SCHEDULE,
  KLING_VIDEOS,
  KLING_YEARLY,
} from './sheets/functions';
