/**
 * The add-on menu. onOpen may run in AuthMode.NONE (installed but not yet used in this file):
 * it builds the menu and touches nothing else.
 */
export function onOpen(_event?: unknown): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Help', 'showHelp')
    .addToUi();
}

export function onInstall(event?: unknown): void {
  onOpen(event);
}
