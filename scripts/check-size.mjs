// Size budgets of what a push sends: Apps Script loads Code.js (every custom function, the menu
// and the sidebar's server, in one file) for every execution, and the sidebar downloads
// Sidebar.html each time it opens. Google publishes no size limit per script file; 400 KB is about
// three times today's Code.js, whose cold parse takes a few milliseconds (`npm run bench`).
// Run with `npm run check:size` after `npm run build`. A file not built yet is reported as
// absent, not failed.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Budgets in KB (1 KB = 1,024 bytes). */
export const BUDGETS = Object.freeze([
  { file: 'Code.js', kb: 400, required: true },
  { file: 'Sidebar.html', kb: 80, required: false },
]);

/** Size of each budgeted file in `dist` (null when absent), and whether it fits. */
export async function measure(dist, budgets = BUDGETS) {
  return Promise.all(
    budgets.map(async ({ file, kb, required }) => {
      const bytes = await stat(join(dist, file)).then(
        (s) => s.size,
        (error) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        },
      );
      const ok = bytes === null ? !required : bytes <= kb * 1024;
      return { file, kb, required, bytes, ok };
    }),
  );
}

/** One line per file: "dist/Code.js 131.7 KB of 400 KB". */
export function report(rows) {
  return rows.map(({ file, kb, required, bytes, ok }) => {
    if (bytes === null) return `dist/${file} absent (${required ? 'required: run npm run build' : `not built yet; budget ${kb} KB`})`;
    return `dist/${file} ${(bytes / 1024).toFixed(1)} KB of ${kb} KB${ok ? '' : ' OVER BUDGET'}`;
  });
}

async function main() {
  const rows = await measure(join(root, 'dist'));
  for (const line of report(rows)) console.log(line);
  if (rows.some((r) => !r.ok)) {
    console.error('size check failed: a pushed file is over its budget or missing');
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
