// The local preview: a page that looks and behaves like Google Sheets with the add-on installed
// (scripts/preview/page.html and the TypeScript beside it, bundled here by esbuild for the
// browser). Everything runs in the browser: HyperFormula computes the grid, dist/Code.js runs in a
// hidden iframe of its own over an in-memory fake of the spreadsheet services, and the menu, the
// sidebar and the dialogs are the add-on's own. This server only hands out files, offline: the
// page, its bundle, and dist/ as the build wrote it. Nothing here goes into dist/.
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildAll } from '../build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = join(root, 'dist');

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The page's code, bundled for the browser: main.ts (the spreadsheet) and bridge.ts (google.script.run in HTML pages). */
export async function bundlePage() {
  const result = await esbuild.build({
    entryPoints: { page: join(here, 'main.ts'), bridge: join(here, 'bridge.ts') },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outdir: join(here, 'out'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  const files = {};
  for (const file of result.outputFiles) files[file.path.slice(file.path.lastIndexOf('/') + 1)] = file.text;
  return files;
}

function send(response, status, type, body) {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

/** What dist/ holds for the page: Code.js and the HTML files HtmlService serves by name. */
async function distManifest() {
  const names = await readdir(dist);
  return {
    code: 'Code.js',
    html: names.filter((n) => n.endsWith('.html')).map((n) => n.slice(0, -'.html'.length)),
  };
}

/**
 * Starts the preview. Options: port (0 for any free port; default env PORT or 8080), host, build
 * (run the build first, default true), log. Returns { url, port, close }.
 */
export async function startSpreadsheetPreview(options = {}) {
  const { port = Number(process.env.PORT ?? 8080), host = '127.0.0.1', build = true, log = console.log } = options;
  if (build) await buildAll();
  const [bundle, page, css] = await Promise.all([
    bundlePage(),
    readFile(join(here, 'page.html'), 'utf8'),
    readFile(join(here, 'page.css'), 'utf8'),
  ]);
  const files = { 'page.js': bundle['page.js'], 'bridge.js': bundle['bridge.js'], 'page.css': css };

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
      if (url.pathname === '/') return send(response, 200, 'text/html', page);
      if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
      const own = /^\/preview\/([\w.-]+)$/.exec(url.pathname);
      if (own && files[own[1]] !== undefined) return send(response, 200, TYPES[extname(own[1])], files[own[1]]);
      if (url.pathname === '/dist/manifest.json') return send(response, 200, 'application/json', JSON.stringify(await distManifest()));
      const built = /^\/dist\/([A-Za-z][\w-]*\.(?:js|html))$/.exec(url.pathname);
      if (built) {
        const text = await readFile(join(dist, built[1]), 'utf8').catch(() => null);
        if (text !== null) return send(response, 200, TYPES[extname(built[1])], text);
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
  log('A spreadsheet with the add-on installed: Extensions > Kling Cost. Everything stays in the browser; Ctrl+C stops.');
  return {
    url,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
