// The local preview, the main command on a machine without Google: `npm start`. Builds dist/,
// bundles the preview page and serves, offline, on http://localhost:PORT (default 8080), a
// spreadsheet with the add-on installed: a grid computed by HyperFormula with the add-on's custom
// functions from dist/Code.js, Extensions > Kling Cost running the real menu handlers, the real
// sidebar and dialogs. See scripts/preview/server.mjs and the page's code beside it.
import { fileURLToPath } from 'node:url';
import { startSpreadsheetPreview } from './preview/server.mjs';

export { startSpreadsheetPreview } from './preview/server.mjs';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  startSpreadsheetPreview().catch((error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${error.port} is in use: run with PORT=8081 npm start` : (error.message ?? error));
    process.exit(1);
  });
}
