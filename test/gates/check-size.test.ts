import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, measure, report } from '../../scripts/check-size.mjs';
import { DIST } from '../support/loadBundle';

describe('size budgets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kling-size-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are 400 KB for Code.js and 80 KB for Sidebar.html', () => {
    expect(BUDGETS.map((b) => [b.file, b.kb])).toEqual([
      ['Code.js', 400],
      ['Sidebar.html', 80],
    ]);
  });

  it('hold for the built dist/', async () => {
    const rows = await measure(DIST);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    expect(rows[0]?.bytes).toBeGreaterThan(0);
  });

  it('fail a file one byte over, pass one at the limit, and pass an absent optional file', async () => {
    await writeFile(join(dir, 'Code.js'), 'x'.repeat(400 * 1024));
    let rows = await measure(dir);
    expect(rows.map((r) => r.ok)).toEqual([true, true]);
    expect(report(rows)).toEqual(['dist/Code.js 400.0 KB of 400 KB', 'dist/Sidebar.html absent (not built yet; budget 80 KB)']);
    await writeFile(join(dir, 'Code.js'), 'x'.repeat(400 * 1024 + 1));
    await writeFile(join(dir, 'Sidebar.html'), 'x'.repeat(80 * 1024 + 1));
    rows = await measure(dir);
    expect(rows.map((r) => r.ok)).toEqual([false, false]);
    expect(report(rows)).toEqual(['dist/Code.js 400.0 KB of 400 KB OVER BUDGET', 'dist/Sidebar.html 80.0 KB of 80 KB OVER BUDGET']);
  });

  it('fail when Code.js is absent', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'kling-size-empty-'));
    try {
      const rows = await measure(empty);
      expect(rows[0]).toMatchObject({ file: 'Code.js', bytes: null, ok: false });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
