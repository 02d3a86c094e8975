// Builds dist/: Code.js (one documented top-level function per export of src/index.ts, and the
// bundle behind them), Sidebar.html (the sidebar client, JS and CSS inlined), Help.html and
// appsscript.json. Run with `npm run build`.
//
// Why one server file: Apps Script loads every script file of a project for each execution
// anyway, and publishes no size limit per file. Code.js holds the custom functions, the menu
// actions and the sidebar's server functions, with the pricing core once; no code is read from
// another file or evaluated at run time (check:syntax fails on eval and Function).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** The one global holding the bundle; ends with "_" so Apps Script treats it as private. */
const BUNDLE_GLOBAL = 'KlingCost_';
/**
 * Members of the bundle that are not globals (no wrapper): the custom functions' wrappers call
 * zoneFor_ to read the spreadsheet's time zone only when an argument holds a date.
 */
const INTERNAL = { zoneFor_: { from: './src/sheets/zone.ts', name: 'zoneFor' } };
/** What a custom function's wrapper passes first: the spreadsheet's time zone (read by the wrapper, when a date is to be read). */
const ZONE = `${BUNDLE_GLOBAL}.zoneFor_(arguments, function () {\n    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();\n  })`;
const TARGET = 'es2019';
/** Built-ins the server bundle receives as parameters (see serverBundle). */
const BUILTINS = [
  'Math',
  'Number',
  'String',
  'Array',
  'Object',
  'JSON',
  'Date',
  'RegExp',
  'Error',
  'RangeError',
  'Map',
  'Set',
  'isFinite',
  'isNaN',
];

async function bundle(entry, options = {}) {
  const result = await esbuild.build({
    ...(typeof entry === 'string' ? { entryPoints: [join(root, entry)] } : { stdin: { ...entry, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    write: false,
    target: TARGET,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
  return result.outputFiles[0].text;
}

/** A TypeScript module of src/, bundled and imported here at build time. */
async function importSource(entry) {
  const code = await bundle(entry, { format: 'esm', platform: 'neutral' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** The docs of every global, read from src/docs.ts. */
async function loadDocs() {
  return (await importSource('src/docs.ts')).GLOBAL_DOCS;
}

/** Names the bundle (an expression giving the object of its exports) exports, found by running it in an empty context. */
function exportedNames(expression) {
  return Object.keys(vm.runInContext(expression, vm.createContext({})));
}

/** The names src/index.ts exports: the globals of the project. */
async function entryExports() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    logLevel: 'warning',
    outdir: join(root, 'dist'),
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

function jsdoc(doc) {
  const lines = [doc.description];
  if (doc.customFunction) lines.push('');
  for (const [name, text] of doc.params) lines.push(`@param {*} ${name} ${text}`);
  if (doc.returns) lines.push(`@return ${doc.returns}`);
  if (doc.customFunction) lines.push('@customfunction');
  return ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */'].join('\n');
}

/**
 * The documented top-level function of one export: it hands its arguments to the bundle. A custom
 * function's wrapper first reads the spreadsheet's time zone (only when an argument holds a date:
 * Sheets hands a date cell over as an instant in that zone) and passes it as text.
 */
function wrapper(name, doc) {
  const params = doc.params.map(([param]) => param).join(', ');
  const args = doc.customFunction ? `${ZONE}, ...arguments` : '...arguments';
  return `${jsdoc(doc)}\nfunction ${name}(${params}) {\n  return ${BUNDLE_GLOBAL}.${name}(${args});\n}\n`;
}

/**
 * The server bundle as one private global: the ESM bundle in a function whose result is the
 * object of its exports. (esbuild's own IIFE with a globalName adds module-interop helpers
 * and a getter per export; none of that is needed for a plain object of functions.)
 */
async function serverBundle(names) {
  const internal = Object.entries(INTERNAL).map(([as, { from, name }]) => `export { ${name} as ${as} } from '${from}';`);
  const contents = [`export { ${names.join(', ')} } from './src/index.ts';`, ...internal].join('\n');
  const code = await bundle({ contents, sourcefile: 'entry.ts' }, { format: 'esm', platform: 'neutral', minify: true });
  const clause = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!clause) throw new Error('the server bundle does not end with an export clause');
  const exports = clause[1].split(',').map((spec) => {
    const [local, exported = local] = spec.trim().split(/\s+as\s+/);
    return `${exported}:${local}`;
  });
  // The built-ins the code reads, handed in once as parameters: inside the bundle they are local
  // names, not lookups on the global object each time (a lookup on a node:vm context's global
  // costs about 0.4 microseconds; KLING_COST over 10,000 distinct rows made a hundred thousand).
  // Only objects every V8 has since ES2015, so loading can never fail on one of them.
  const builtins = BUILTINS.filter((name) => new RegExp(`\\b${name}\\b`).test(code)).join(',');
  return `((${builtins})=>{${code.slice(0, clause.index)}return{${exports.join(',')}}})(${builtins})`;
}

/** The text of dist/Code.js. */
export async function buildServer() {
  const docs = await loadDocs();
  const names = await entryExports();
  const undocumented = names.filter((n) => !docs[n]);
  if (undocumented.length) throw new Error(`exports without docs in src/docs.ts: ${undocumented.join(', ')}`);
  const unexported = Object.keys(docs).filter((n) => !names.includes(n));
  if (unexported.length) throw new Error(`docs for names src/index.ts does not export: ${unexported.join(', ')}`);
  const body = await serverBundle(names);
  const found = exportedNames(body).sort();
  if (found.join() !== [...names, ...Object.keys(INTERNAL)].sort().join()) {
    throw new Error(`the server bundle exports ${found.join(', ')} instead of ${names.join(', ')}`);
  }
  const header = '// Kling Cost for Google Sheets. Built from src/ by `npm run build`; do not edit.\n';
  // Wrappers in the order of src/docs.ts (the spec's order), which is the order Sheets lists them.
  const wrappers = Object.keys(docs)
    .map((n) => wrapper(n, docs[n]))
    .join('\n');
  return `${header}\n${wrappers}\nvar ${BUNDLE_GLOBAL}=${body};\n`;
}

/** Largest Sidebar.html accepted: the page must stay small enough to open at once. */
const SIDEBAR_MAX_BYTES = 80 * 1024;

/** Text that would end the inline element early is split, so nothing in JS or CSS closes it. */
function inlineSafe(text, tag) {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** dist/Sidebar.html: the template of src/sidebar with the bundled client and its CSS inlined. */
export async function buildSidebar() {
  const script = await bundle('src/sidebar/main.ts', { format: 'iife', platform: 'browser', minify: true });
  const css = await readFile(join(root, 'src/sidebar/sidebar.css'), 'utf8');
  const style = (await esbuild.transform(css, { loader: 'css', minify: true, target: TARGET })).code;
  const template = await readFile(join(root, 'src/sidebar/Sidebar.html'), 'utf8');
  for (const mark of ['/*INLINE_STYLE*/', '/*INLINE_SCRIPT*/']) {
    if (template.split(mark).length !== 2) throw new Error(`src/sidebar/Sidebar.html must hold ${mark} exactly once`);
  }
  const html = template
    .replace('/*INLINE_STYLE*/', () => inlineSafe(style.trim(), 'style'))
    .replace('/*INLINE_SCRIPT*/', () => inlineSafe(script.trim(), 'script'));
  const size = Buffer.byteLength(html);
  if (size > SIDEBAR_MAX_BYTES) throw new Error(`dist/Sidebar.html is ${size} bytes, over the ${SIDEBAR_MAX_BYTES}-byte limit`);
  return html;
}

/** dist/Help.html: the Help dialog, rendered from src/helpPage.ts. */
export async function buildHelp() {
  return (await importSource('src/helpPage.ts')).helpPage();
}

/** Builds everything into dist/; returns the sizes written. */
export async function buildAll() {
  await mkdir(dist, { recursive: true });
  const code = await buildServer();
  await writeFile(join(dist, 'Code.js'), code);
  const sidebar = await buildSidebar();
  await writeFile(join(dist, 'Sidebar.html'), sidebar);
  await writeFile(join(dist, 'Help.html'), await buildHelp());
  const manifest = JSON.parse(await readFile(join(root, 'appsscript.json'), 'utf8'));
  await writeFile(join(dist, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { code: Buffer.byteLength(code), sidebar: Buffer.byteLength(sidebar) };
}

async function main() {
  const sizes = await buildAll();
  console.log(`dist/Code.js ${(sizes.code / 1024).toFixed(1)} KB`);
  console.log(`dist/Sidebar.html ${(sizes.sidebar / 1024).toFixed(1)} KB`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
