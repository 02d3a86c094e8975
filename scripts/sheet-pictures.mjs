// Draws the pictures of the sheets the menu inserts: docs/budget-template.png,
// docs/12-month-plan.png (with the chart of spend per month), docs/usage-log.png and
// docs/budget-against-actuals.png. Each sheet is inserted by dist/Code.js into the in-memory
// spreadsheet fake, its formulas evaluated by HyperFormula with the custom functions of the same
// bundle, rendered to HTML (scripts/sheetPictures.ts) and photographed by headless Chromium.
// Run with `npm run picture` (needs Chromium: apt-get install -y chromium, or CHROMIUM_PATH).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importTs } from './importTs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project, so the bundled script resolves hyperformula and playwright-core from node_modules.
const work = join(root, 'node_modules/.cache/kling-picture');
mkdirSync(work, { recursive: true });
try {
  const { renderSheetPictures, launchChromium } = await importTs('scripts/sheetPictures.ts');
  const pictures = renderSheetPictures(join(root, 'dist/Code.js'));
  const browser = await launchChromium({ width: 1600, height: 1000 });
  try {
    const page = await browser.context.newPage();
    for (const picture of pictures) {
      const html = join(work, `${picture.file.replace(/\W+/g, '-')}.html`);
      writeFileSync(html, picture.html);
      await page.goto(pathToFileURL(html).href);
      await page.locator('.sheet').screenshot({ path: join(root, picture.file) });
      console.log(`wrote ${picture.file}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
