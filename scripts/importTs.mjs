// Imports a TypeScript module from a node script: esbuild bundles it (its packages stay external,
// resolved from node_modules) into node_modules/.cache/kling-scripts/, and node imports the result.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules/.cache/kling-scripts');

/** The module at `path` (relative to the project), bundled for node and imported. */
export async function importTs(path) {
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, `${basename(path).replace(/\.ts$/, '')}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, path)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
