// Draws docs/budget-template.png: the budget template as "Insert budget template" writes it, its
// formulas evaluated by HyperFormula with the custom functions of dist/Code.js, rendered to HTML
// and photographed by headless Chromium. Run with `npm run picture` (needs Chromium: apt-get install -y chromium, or CHROMIUM_PATH).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project, so the bundled script resolves hyperformula from node_modules.
const work = join(root, 'node_modules/.cache/kling-picture');
mkdirSync(work, { recursive: true });
try {
  const entry = join(work, 'render.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'scripts/budgetPicture.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: entry,
    logLevel: 'warning',
  });
  const { renderBudgetTemplate, findChromium, CHROMIUM_FLAGS } = await import(pathToFileURL(entry).href);
  const html = join(work, 'budget-template.html');
  const picture = renderBudgetTemplate(join(root, 'dist/Code.js'));
  writeFileSync(html, picture.html);
  const chromium = findChromium();
  const png = join(root, 'docs/budget-template.png');
  execFileSync(
    chromium,
    [
      ...CHROMIUM_FLAGS,
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      `--window-size=${picture.width + 40},${picture.height}`,
      `--screenshot=${png}`,
      pathToFileURL(html).href,
    ],
    { stdio: 'inherit' },
  );
  console.log(`wrote ${png}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
