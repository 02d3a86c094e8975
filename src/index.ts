/**
 * The server entry. What this file exports, and only that, becomes an Apps Script global
 * (the build writes one documented top-level function per export). Everything else stays
 * private inside the bundle.
 */
export {
  KLING_CREDITS,
  KLING_COST,
  KLING_VIDEOS,
  KLING_IMAGES,
  KLING_PLAN,
  KLING_BEST_PLAN,
  KLING_MONTHLY_COST,
  KLING_API_COST,
  KLING_BUDGET,
  KLING_PRICES,
  KLING_YEARLY,
} from './sheets/functions';
export { onOpen, onInstall } from './addon/menu';
export { showHelp } from './addon/help';
export { insertBudgetTemplate } from './addon/budgetTemplate';
export { insertPriceTable } from './addon/priceTable';
export { editPrices } from './addon/editPrices';
export { showSidebar, sidebarInit, sidebarReadSelection, sidebarInsertComparison } from './addon/sidebarServer';
