import { PRICE_SHEET_NAME, priceRangeReference } from './addon/effectiveBook';
import { MENU_ITEMS } from './addon/menu';
import { CUSTOM_FUNCTION_DOCS } from './docs';

/**
 * The Help dialog as a static HTML page, written by the build into dist/Help.html (so the help
 * text does not weigh on Code.js, which Apps Script loads for every custom function call).
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font:13px/1.45 Arial,sans-serif;color:#202124;margin:0 12px 12px}h1{font-size:16px;font-weight:normal}
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
    '<b>A new model or reseller is rows.</b> Add rows "App credits, Kling 4.0" to the price table (per clip, e.g. "professional 10 s with audio", field credits per clip; or per second, e.g. "professional with audio", field credits per second, with shortest clip and longest clip rows, field seconds) and every function, the sidebar and the templates price it. Rows "API, Kling 4.0" give its price on Kling\'s API; rows "Reseller fal, Kling 4.0" (fields USD per clip or USD per second, up to 4 decimals) a reseller\'s, with optional terms "Reseller fal / minimum purchase / USD" and "Reseller fal / credit validity / days".',
    '<b>The retake rate.</b> The share of paid, finished takes you throw away: each delivered video takes 1 / (1 - r) generations, so 500 credits of work at 20 % are planned as 625. The guide\'s "20 % buffer" (500 budgeted as 600) is a retake rate of 1/6. KLING_COST and KLING_VIDEOS default to 0; everything that plans a production (KLING_BUDGET, KLING_CHANNELS, the sheets, the sidebar) to 20 %.',
    "<b>Every channel.</b> The same videos can be bought in the app (a plan plus top-up packs), on Kling's API (prepaid packs that expire) or from a reseller (fal, Replicate, PiAPI: pay as you go). KLING_CHANNELS prices a shot list by month on each over the same months and names the cheapest; a channel that cannot make a row says which row and why. Over months top-up credits last two years: KLING_SCHEDULE plans the cheapest month-by-month schedule in the app, KLING_API_SCHEDULE prices the API with its packs (windows as long as the packs last). KLING_BEST_PLAN and KLING_MONTHLY_COST answer for one month on its own.",
    '<b>A budget a finance team defends.</b> The budget template and the 12-month plan show a low, typical and high case (the retake rate and the credits an image costs), a contingency line, and the sentence "Between $X and $Y, most likely $Z". "Lock budget version" (with a budget or plan selected) makes a frozen, warning-protected copy of the sheet and of the price table in force, and writes their names into the sheet\'s two "Locked version" cells: the only cells of yours the add-on ever writes. The sheet then shows locked, now at locked prices, now, the work changes and the price changes, and KLING_PRICE_CHANGES lists the price rows that changed.',
    `<b>The menu.</b> ${MENU_ITEMS.filter((item): item is readonly [string, string] => item !== null)
      .map(([caption]) => `"${escapeHtml(caption)}"`)
      .join(
        ', ',
      )}. "Compare plans" opens the plan comparison; "Insert budget template", "Insert 12-month plan" and "Insert usage log" add sheets whose formulas follow the price table; "Insert price table" adds a dated copy of the prices in use, with sources. No menu item changes an existing cell, but Lock budget version, which writes the names of its copies into the two "Locked version" cells of the budget it locks.`,
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
