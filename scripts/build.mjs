// Builds dist/: Code.js (one documented top-level function per export of src/index.ts, and the
// bundle of what custom functions and the menu need), Actions.html (the menu actions and the
// sidebar's server functions, loaded only when one runs), Sidebar.html (the sidebar client, JS and
// CSS inlined), Help.html and appsscript.json. Run with `npm run build`.
//
// Why two server bundles: Apps Script loads every .gs file of a project for each execution, and
// a sheet may run hundreds of custom-function executions; the sheet writers and the sidebar server
// (templates, layouts, payload checks) are needed only when a person clicks a menu item. So they
// live in an HTML file of the project, read with HtmlService and evaluated on first use.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** The one global holding the bundle; ends with "_" so Apps Script treats it as private. */
const BUNDLE_GLOBAL = 'KlingCost_';
/** The private global that loads the on-demand bundle from dist/Actions.html. */
const ACTIONS_GLOBAL = 'KlingActions_';
/** The HTML file (without .html) holding the on-demand bundle. */
export const ACTIONS_FILE = 'Actions';
const TARGET = 'es2019';

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

/** Names a bundle (an expression giving the object of its exports) exports, found by running it in an empty context. */
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

function wrapper(name, doc) {
  const params = doc.params.map(([param]) => param).join(', ');
  const target = doc.onDemand ? `${ACTIONS_GLOBAL}()` : BUNDLE_GLOBAL;
  return `${jsdoc(doc)}\nfunction ${name}(${params}) {\n  return ${target}.${name}(...arguments);\n}\n`;
}

/** Code.js's loader of the on-demand bundle: read once per execution, on first use. */
const ACTIONS_LOADER = `var ${ACTIONS_GLOBAL}=(function(){var actions;return function(){if(!actions){var html=HtmlService.createHtmlOutputFromFile('${ACTIONS_FILE}').getContent();actions=(0,eval)(html.replace(/^\\s*<script>/,'').replace(/<\\/script>\\s*$/,''));}return actions;};})();\n`;

/**
 * The server bundle as one private global: the ESM bundle in a function whose result is the
 * object of its exports. (esbuild's own IIFE with a globalName adds module-interop helpers
 * and a getter per export; none of that is needed for a plain object of functions.)
 */
async function serverBundle(names) {
  const contents = `export { ${names.join(', ')} } from './src/index.ts';`;
  const code = await bundle({ contents, sourcefile: 'entry.ts' }, { format: 'esm', platform: 'neutral', minify: true });
  const clause = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!clause) throw new Error('the server bundle does not end with an export clause');
  const exports = clause[1].split(',').map((spec) => {
    const [local, exported = local] = spec.trim().split(/\s+as\s+/);
    return `${exported}:${local}`;
  });
  return `(()=>{${code.slice(0, clause.index)}return{${exports.join(',')}}})()`;
}

/** Code.js and the text of Actions.html. */
export async function buildServer() {
  const docs = await loadDocs();
  const names = await entryExports();
  const undocumented = names.filter((n) => !docs[n]);
  if (undocumented.length) throw new Error(`exports without docs in src/docs.ts: ${undocumented.join(', ')}`);
  const unexported = Object.keys(docs).filter((n) => !names.includes(n));
  if (unexported.length) throw new Error(`docs for names src/index.ts does not export: ${unexported.join(', ')}`);
  const eager = names.filter((n) => !docs[n].onDemand);
  const onDemand = names.filter((n) => docs[n].onDemand);
  const body = await serverBundle(eager);
  const actions = await serverBundle(onDemand);
  for (const [expression, expected] of [
    [body, eager],
    [actions, onDemand],
  ]) {
    const found = exportedNames(expression).sort();
    if (found.join() !== [...expected].sort().join()) {
      throw new Error(`a server bundle exports ${found.join(', ')} instead of ${expected.join(', ')}`);
    }
  }
  const header = '// Kling Cost for Google Sheets. Built from src/ by `npm run build`; do not edit.\n';
  // Wrappers in the order of src/docs.ts (the spec's order), which is the order Sheets lists them.
  const wrappers = Object.keys(docs)
    .map((n) => wrapper(n, docs[n]))
    .join('\n');
  const code = `${header}\n${wrappers}\n${ACTIONS_LOADER}var ${BUNDLE_GLOBAL}=${body};\n`;
  const html = `<script>\n${inlineSafe(actions, 'script')}\n</script>\n`;
  return { code, actions: html };
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

/** Builds everything into dist/; returns the sizes written. */
/** dist/Help.html: the Help dialog, rendered from src/helpPage.ts. */
export async function buildHelp() {
  return (await importSource('src/helpPage.ts')).helpPage();
}

export async function buildAll() {
  await mkdir(dist, { recursive: true });
  const { code, actions } = await buildServer();
  await writeFile(join(dist, 'Code.js'), code);
  await writeFile(join(dist, `${ACTIONS_FILE}.html`), actions);
  const sidebar = await buildSidebar();
  await writeFile(join(dist, 'Sidebar.html'), sidebar);
  await writeFile(join(dist, 'Help.html'), await buildHelp());
  const manifest = JSON.parse(await readFile(join(root, 'appsscript.json'), 'utf8'));
  await writeFile(join(dist, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { code: Buffer.byteLength(code), actions: Buffer.byteLength(actions), sidebar: Buffer.byteLength(sidebar) };
}

async function main() {
  const sizes = await buildAll();
  console.log(`dist/Code.js ${(sizes.code / 1024).toFixed(1)} KB`);
  console.log(`dist/${ACTIONS_FILE}.html ${(sizes.actions / 1024).toFixed(1)} KB`);
  console.log(`dist/Sidebar.html ${(sizes.sidebar / 1024).toFixed(1)} KB`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
