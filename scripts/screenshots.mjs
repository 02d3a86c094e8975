// `npm run screenshots` (after the build): the README's pictures (docs/*.png) and the Marketplace
// listing images (docs/listing/), taken in headless Chromium from the preview page `npm start`
// serves, so they show what a user sees. See scripts/preview/screenshots.ts. Needs Chromium
// (apt-get install -y chromium, or CHROMIUM_PATH).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './importTs.mjs';
import { startSpreadsheetPreview } from './preview/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const preview = await startSpreadsheetPreview({ port: 0, build: false, log: () => undefined });
try {
  const { takeScreenshots } = await importTs('scripts/preview/screenshots.ts');
  await takeScreenshots(preview.url, root);
} finally {
  await preview.close();
}
