/** The Help dialog: dist/Help.html, written by the build from src/helpPage.ts. */
export function showHelp(): void {
  const page = HtmlService.createHtmlOutputFromFile('Help').setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(page, 'Kling Cost help');
}
