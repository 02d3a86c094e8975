// Size budgets of what a push sends: Apps Script loads Code.js on every custom function call,
// reads Actions.html when a menu item or a sidebar server function runs, and the sidebar downloads
// Sidebar.html each time it opens. Run with `npm run check:size`
// after `npm run build`. A file not built yet is reported as absent, not failed.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Budgets in KB (1 KB = 1,024 bytes). */
export const BUDGETS = Object.freeze([
  { file: 'Code.js', kb: 100, required: true },
  { file: 'Actions.html', kb: 200, required: false },
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

/** One line per file: "dist/Code.js 30.3 KB of 60 KB". */
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
