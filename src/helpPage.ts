import { PRICE_SHEET_NAME, priceRangeReference } from './addon/effectiveBook';
import { CUSTOM_FUNCTION_DOCS } from './docs';

/**
 * The Help dialog as a static HTML page, written by the build into dist/Help.html (so the help
 * text does not weigh on Code.js, which Apps Script loads for every custom function call).
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font:13px/1.45 Arial,sans-serif;color:#202124;margin:0 4px}h1{font-size:16px;font-weight:normal}
code{font:12px/1.4 'Roboto Mono',Consolas,monospace;background:#f1f3f4;padding:1px 3px}
dt{margin-top:10px}dd{margin:2px 0 0 16px;color:#5f6368}p{margin:8px 0}`;

export function helpPage(): string {
  const functions = Object.entries(CUSTOM_FUNCTION_DOCS)
    .map(([name, doc]) => {
      const signature = `=${name}(${doc.params.map(([param]) => param).join(', ')})`;
      const params = doc.params.map(([param, text]) => `<br><code>${escapeHtml(param)}</code> ${escapeHtml(text)}`).join('');
      return `<dt><code>${escapeHtml(signature)}</code></dt><dd>${escapeHtml(doc.description)}${params}</dd>`;
    })
    .join('\n');
  const example = `=KLING_COST("pro",10,TRUE,"standard",,,,${priceRangeReference()})`;
  const notes = [
    `<b>Your own prices.</b> "Edit prices" writes the price book into the sheet "${escapeHtml(PRICE_SHEET_NAME)}". Edit it when Kling changes a price, then give the table as the last argument (<code>prices</code>) of a formula, e.g. <code>${escapeHtml(example)}</code>. The formula recalculates when the table changes; a broken row shows an error naming its row and column.`,
    '"Insert budget template" adds a budget sheet; "Insert price table" adds a dated copy of the prices in use, with sources; "Compare plans" opens the plan comparison. No menu item changes an existing cell.',
  ];
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><base target="_top"><style>${STYLE}</style></head>
<body><h1>Kling Cost: what Kling AI video generation really costs</h1>
<dl>
${functions}
</dl>
${notes.map((n) => `<p>${n}</p>`).join('\n')}
</body></html>
`;
}
