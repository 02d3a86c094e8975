/**
 * The add-on menu (Extensions > Kling Cost). onOpen may run in AuthMode.NONE (installed but not
 * yet used in this file): it builds the menu and touches nothing else. Each item names a global
 * of Code.js; each can run any number of times without changing an existing cell, but for "Lock budget
 * version", which writes the names of the copies it makes into the two "Locked version" cells of the
 * budget it locks.
 */
export const MENU_ITEMS: readonly (readonly [caption: string, functionName: string] | null)[] = [
  ['Compare plans', 'showSidebar'],
  ['Insert budget template', 'insertBudgetTemplate'],
  ['Insert 12-month plan', 'insertTwelveMonthPlan'],
  ['Insert usage log', 'insertUsageLog'],
  ['Lock budget version', 'lockBudgetVersion'],
  ['Insert price table', 'insertPriceTable'],
  ['Edit prices', 'editPrices'],
  null,
  ['Help', 'showHelp'],
];

export function onOpen(_event?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(event?: unknown): void {
  onOpen(event);
}
