import { CUSTOM_FUNCTION_DOCS } from '../docs';

/** Plain-text help: each custom function with its arguments. */
export function helpText(): string {
  const lines = Object.entries(CUSTOM_FUNCTION_DOCS).map(
    ([name, doc]) => `=${name}(${doc.params.map(([param]) => param).join(', ')})\n  ${doc.description}`,
  );
  return `Kling Cost: what Kling AI video generation really costs.\n\n${lines.join('\n')}`;
}

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Kling Cost help', helpText(), ui.ButtonSet.OK);
}
