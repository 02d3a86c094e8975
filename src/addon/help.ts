import { CUSTOM_FUNCTION_DOCS } from '../docs';
import { PRICE_SHEET_NAME, priceRangeReference } from './effectiveBook';

/** Plain-text help: each custom function with its arguments, then the menu and edited prices. */
export function helpText(): string {
  const lines = Object.entries(CUSTOM_FUNCTION_DOCS).map(
    ([name, doc]) => `=${name}(${doc.params.map(([param]) => param).join(', ')})\n  ${doc.description}`,
  );
  const prices = [
    `Your own prices: "Edit prices" writes the price book into the sheet "${PRICE_SHEET_NAME}". Edit it when Kling changes a price,`,
    `then give the table as the last argument (prices) of a formula, e.g. =KLING_COST("pro",10,TRUE,"standard",,,,${priceRangeReference()}).`,
    'The formula recalculates when the table changes. A broken row shows an error naming its row and column.',
    '"Insert budget template" adds a budget sheet; "Insert price table" adds a dated copy of the prices in use, with sources.',
  ];
  return `Kling Cost: what Kling AI video generation really costs.\n\n${lines.join('\n')}\n\n${prices.join('\n')}`;
}

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Kling Cost help', helpText(), ui.ButtonSet.OK);
}
