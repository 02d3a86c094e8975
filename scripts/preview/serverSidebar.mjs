// The sidebar beside a server-side spreadsheet: the preview `npm start` served before it became a
// spreadsheet in the browser (server.mjs), kept for test/sidebar/sidebar.test.ts (startPreview)
// until those tests move to the spreadsheet page. Serves the sidebar on http://localhost:PORT
// beside a live view of an in-memory spreadsheet; google.script.run is bridged over HTTP to
// dist/Code.js running in a node:vm context over the fakes of test/fakes/appsScript.ts (see
// test/support/harness.ts).

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildAll } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAX_BODY_BYTES = 1024 * 1024;

/** test/support/harness.ts (with the fakes), bundled and loaded as an ES module. */
async function loadHarnessModule() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'test/support/harness.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function send(response, status, type, body) {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

const json = (response, status, value) => send(response, status, 'application/json', JSON.stringify(value));

function readBody(request) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The sidebar as Apps Script would serve it, plus the google.script.run bridge before its script. */
function sidebarWithBridge(html, shim) {
  const at = html.indexOf('<head>');
  if (at < 0) throw new Error('dist/Sidebar.html has no <head>');
  const end = at + '<head>'.length;
  return `${html.slice(0, end)}\n<script>${shim}</script>${html.slice(end)}`;
}

/**
 * Starts the preview. Options: port (0 for any free port), host, build (run the build first),
 * log. Returns { url, port, harness, close }.
 */
export async function startPreview(options = {}) {
  const { port = Number(process.env.PORT ?? 8080), host = '127.0.0.1', build = true, log = console.log } = options;
  if (build) await buildAll();
  const [harnessModule, code, sidebar, shim, page] = await Promise.all([
    loadHarnessModule(),
    readFile(join(root, 'dist/Code.js'), 'utf8'),
    readFile(join(root, 'dist/Sidebar.html'), 'utf8'),
    readFile(join(root, 'scripts/preview/server-sidebar-shim.js'), 'utf8'),
    readFile(join(root, 'scripts/preview/server-sidebar-page.html'), 'utf8'),
  ]);
  const spreadsheet = harnessModule.seedExampleData();
  const harness = new harnessModule.AddonHarness({ code, files: { Sidebar: sidebar }, spreadsheet });
  const sidebarPage = sidebarWithBridge(sidebar, shim);

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', page);
      if (request.method === 'GET' && url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
      if (request.method === 'GET' && url.pathname === '/sidebar') return send(response, 200, 'text/html', sidebarPage);
      if (request.method === 'GET' && url.pathname === '/spreadsheet')
        return json(response, 200, harnessModule.viewSpreadsheet(spreadsheet));
      if (request.method === 'POST' && url.pathname.startsWith('/run/')) {
        const name = decodeURIComponent(url.pathname.slice('/run/'.length));
        const body = await readBody(request);
        try {
          const value = JSON.parse(harness.runJson(name, body));
          return json(response, 200, { ok: true, value });
        } catch (error) {
          return json(response, 200, { ok: false, message: error.message });
        }
      }
      if (request.method === 'POST' && url.pathname === '/select') {
        const { sheet, a1 } = JSON.parse(await readBody(request));
        const target = typeof sheet === 'string' ? spreadsheet.getSheetByName(sheet) : null;
        if (!target) return json(response, 200, { ok: false, message: `no sheet named ${String(sheet)}` });
        try {
          target.getRange(String(a1)).activate();
        } catch (error) {
          return json(response, 200, { ok: false, message: error.message });
        }
        return json(response, 200, { ok: true, view: harnessModule.viewSpreadsheet(spreadsheet) });
      }
      return send(response, 404, 'text/plain', 'Not found');
    } catch (error) {
      return send(response, 500, 'text/plain', `Preview error: ${error.message}`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}/`;
  log(`Kling Cost preview: ${url}`);
  log('The sidebar runs beside an in-memory spreadsheet; "Insert into sheet" adds a sheet there. Ctrl+C stops.');
  return {
    url,
    port: actual,
    harness,
    spreadsheet,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
