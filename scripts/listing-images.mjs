// Draws the Google Workspace Marketplace listing images into docs/listing/ at the sizes the store
// asks for: the application icon at 128 x 128 and 32 x 32 (from docs/listing/icon.svg), the banner
// at 220 x 140, and screenshots at 1280 x 800: the local preview (the Compare plans sidebar beside
// the spreadsheet, after "Insert into sheet") and the inserted sheets' pictures of docs/. Run with
// `npm run listing` (part of `npm run screenshots`; needs Chromium: apt-get install -y chromium).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importTs } from './importTs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs/listing');
const work = join(root, 'node_modules/.cache/kling-listing');
mkdirSync(work, { recursive: true });

/** The Chromium launcher of the browser tests, bundled for node. */
const launcher = () => importTs('scripts/chromium.ts');

const icon = readFileSync(join(out, 'icon.svg'), 'utf8');

/** A page showing `body` on a white background, nothing else. */
function page(body, width, height, style = '') {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;width:${width}px;height:${height}px;overflow:hidden;background:#fff;font-family:Arial,Helvetica,sans-serif}${style}</style></head><body>${body}</body></html>`;
}

const banner = page(
  `<div class="b">${icon.replace('width="128" height="128"', 'width="84" height="84"')}<div><div class="t">Kling Cost</div><div class="s">What Kling AI video really costs, in Google Sheets</div></div></div>`,
  220,
  140,
  '.b{display:flex;align-items:center;gap:10px;height:140px;padding:0 12px;box-sizing:border-box;background:#e8f0fe}.t{font-size:19px;font-weight:700;color:#202124}.s{font-size:11px;line-height:1.3;color:#3c4043;margin-top:4px}',
);

/** The inserted sheets' pictures, each framed in a 1280 x 800 screenshot with its caption. */
const SHEET_SHOTS = [
  ['budget-template.png', 'The budget template: one range call per column, no silent gaps'],
  ['12-month-plan.png', 'The 12-month plan: the cheapest schedule under each billing, and the spend per month'],
  ['budget-against-actuals.png', 'Budget against actuals: what the usage log says was really spent'],
  ['usage-log.png', 'The usage log: every generation, kept, discarded or refunded'],
];

function framed(png, caption) {
  const data = readFileSync(join(root, 'docs', png)).toString('base64');
  return page(
    `<div class="c">${caption}</div><div class="p"><img src="data:image/png;base64,${data}"></div>`,
    1280,
    800,
    '.c{height:56px;line-height:56px;padding:0 28px;font-size:22px;color:#fff;background:#1a73e8}.p{height:744px;overflow:hidden}.p img{display:block;max-width:1280px;object-fit:cover;object-position:left top}',
  );
}

try {
  const { launchChromium } = await launcher();
  const browser = await launchChromium({ width: 1280, height: 800 });
  const shot = async (html, width, height, file) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height });
    await tab.setContent(html, { waitUntil: 'load' });
    await tab.screenshot({ path: join(out, file), clip: { x: 0, y: 0, width, height } });
    await tab.close();
    console.log(`wrote docs/listing/${file}`);
  };
  try {
    for (const size of [128, 32]) {
      await shot(
        page(icon.replace('width="128" height="128"', `width="${size}" height="${size}"`), size, size),
        size,
        size,
        `icon-${size}.png`,
      );
    }
    await shot(banner, 220, 140, 'banner-220x140.png');

    // The preview: the sidebar beside the in-memory spreadsheet, after inserting a comparison.
    const { startPreview } = await import(pathToFileURL(join(root, 'scripts/preview.mjs')).href);
    const preview = await startPreview({ port: 0, build: false, log: () => undefined });
    try {
      const tab = await browser.context.newPage();
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.goto(preview.url, { waitUntil: 'load' });
      const sidebar = tab.frameLocator('iframe').first();
      await sidebar.locator('#insert').waitFor({ state: 'visible' });
      await sidebar.locator('#insert:not([disabled])').click();
      await tab.waitForFunction(() => (document.body.textContent ?? '').includes('Kling comparison'));
      await tab.mouse.move(0, 0);
      await tab.screenshot({ path: join(out, 'screenshot-1-sidebar-1280x800.png'), clip: { x: 0, y: 0, width: 1280, height: 800 } });
      console.log('wrote docs/listing/screenshot-1-sidebar-1280x800.png');
      await tab.close();
    } finally {
      await preview.close();
    }

    let n = 2;
    for (const [png, caption] of SHEET_SHOTS) {
      if (!existsSync(join(root, 'docs', png))) {
        console.log(`skipped ${png}: run npm run picture first`);
        continue;
      }
      await shot(framed(png, caption), 1280, 800, `screenshot-${n}-${png.replace('.png', '')}-1280x800.png`);
      n++;
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(
  join(out, 'README.md'),
  `# Marketplace listing images

Made by \`npm run listing\` (part of \`npm run screenshots\`) from \`icon.svg\`, the local preview
and the pictures of \`docs/\`, at the sizes of the store listing: \`icon-128.png\` and \`icon-32.png\`
(application icons), \`banner-220x140.png\`, and \`screenshot-*-1280x800.png\`. See
[../publishing.md](../publishing.md).
`,
);
