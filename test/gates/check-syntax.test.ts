import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECMA_VERSION, fileProblems, inlineScripts, pushedFiles, syntaxProblems } from '../../scripts/check-syntax.mjs';
import { CODE_PATH, DIST } from '../support/loadBundle';

const GATE = join(__dirname, '..', '..', 'scripts', 'check-syntax.mjs');

/** Runs the gate as `npm run check:syntax` does, on the given files: its exit code and output. */
async function runGate(...files: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [GATE, ...files], { timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('syntax gate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kling-syntax-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('holds the pushed code to ES2019', () => {
    expect(ECMA_VERSION).toBe(2019);
  });

  it('passes the built dist/Code.js, run as the gate and as a function', async () => {
    expect(fileProblems('dist/Code.js', await readFile(CODE_PATH, 'utf8'))).toEqual([]);
    const run = await runGate(CODE_PATH);
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toContain('ES2019, no BigInt');
  });

  it('passes every pushed file of the built dist/, the sidebar script included', async () => {
    const files = await pushedFiles(DIST);
    expect(files.map((f) => f.slice(DIST.length + 1))).toEqual(['Actions.html', 'Code.js', 'Help.html', 'Sidebar.html']);
    const sidebar = await readFile(join(DIST, 'Sidebar.html'), 'utf8');
    expect(inlineScripts(sidebar)).toHaveLength(1);
    expect(inlineScripts(sidebar)[0]?.code.length).toBeGreaterThan(10_000);
    expect((await runGate()).code).toBe(0);
  });

  it('fails a file with a ?? b, naming its line and column', async () => {
    const run = await runGate(await file('nullish.js', 'var a = null, b = 1;\nvar c = a ?? b;\n'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/nullish\.js:2:12: not ES2019 JavaScript: Unexpected token \(\?\? is ES2020\)/);
  });

  it('fails a file with x?.y, naming its line and column', async () => {
    const run = await runGate(await file('chain.js', 'var x = {};\n\nvar z = x?.y;\n'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/chain\.js:3:11: not ES2019 JavaScript: Unexpected token \(\?\. is ES2020\)/);
  });

  it('fails a file calling BigInt(1), which parses as ES2019', async () => {
    const run = await runGate(await file('bigint.js', 'var n = 1;\nvar big = BigInt(1);\n'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/bigint\.js:2:11: calls BigInt\(; BigInt is ES2020/);
  });

  it('fails a bigint literal, and BigInt without a call, but not the word in a string or a property name', () => {
    expect(syntaxProblems('x.js', 'var big = 123n;')).toEqual([
      'x.js:1:11: the bigint literal 123n is ES2020; the pushed code may not use BigInt',
    ]);
    expect(syntaxProblems('x.js', 'var f = BigInt;\nvar a = new BigInt64Array(2);')).toEqual([
      'x.js:1:9: uses BigInt; BigInt is ES2020 and the pushed code may not use it',
      'x.js:2:13: uses BigInt64Array; BigInt is ES2020 and the pushed code may not use it',
    ]);
    expect(syntaxProblems('x.js', 'var s = "BigInt(1) is not used"; var o = { note: \'123n\' };')).toEqual([]);
  });

  it('passes ES2019 syntax and reports any other syntax error by position', () => {
    const es2019 = [
      'try { JSON.parse("x"); } catch { }', // optional catch binding (ES2019)
      'var o = { ...{ a: 1 }, b: 2 };', // object spread (ES2018)
      'var r = /(?<year>\\d{4})/u.exec("2026");', // named groups (ES2018)
      'var t = true ? .5 : 1; var u = t ?.5 : 1;', // a conditional, not ?.
      'async function f() { for await (const x of []) { void x; } }',
    ].join('\n');
    expect(syntaxProblems('ok.js', es2019)).toEqual([]);
    expect(syntaxProblems('bad.js', 'var a = 1;\nfunction (\n')).toEqual(['bad.js:2:10: not ES2019 JavaScript: Unexpected token']);
    expect(syntaxProblems('class.js', 'class A { #secret = 1; }')).toEqual([expect.stringMatching(/^class\.js:1:11: not ES2019/)]);
  });

  it('checks the inline scripts of an HTML page and names the line and column of the page', async () => {
    const html = [
      '<!DOCTYPE html>',
      '<html><head><style>a { color: red }</style></head>',
      '<body>',
      '  <script type="application/json">{"not": "code ?? here"}</script>',
      '  <script>var ok = 1;',
      'var w = ok?.v;</script>',
      '  <script type="text/javascript">var n = BigInt(2);</script>',
      '</body></html>',
    ].join('\n');
    expect(inlineScripts(html).map((s) => s.at)).toEqual([
      { line: 5, column: 10 },
      { line: 7, column: 33 },
    ]);
    const run = await runGate(await file('page.html', html));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/page\.html:6:12: not ES2019 JavaScript: Unexpected token \(\?\. is ES2020\)/);
    expect(run.out).toMatch(/page\.html:7:42: calls BigInt\(/);
    expect(fileProblems('plain.html', '<p>no script at all</p>')).toEqual([]);
  });
});
