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
    expect(run.out).toContain('ES2019, no BigInt, no eval or Function');
  });

  it('passes every pushed file of the built dist/, the sidebar script included', async () => {
    const files = await pushedFiles(DIST);
    expect(files.map((f) => f.slice(DIST.length + 1))).toEqual(['Code.js', 'Help.html', 'Sidebar.html']);
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

  it('fails a file calling eval, naming its line and column, and passes the same file without it', async () => {
    const run = await runGate(await file('eval.js', 'var text = "1 + 1";\nvar two = eval(text);\n'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/eval\.js:2:11: calls eval\(; the pushed code may not evaluate code at run time/);
    const ok = await runGate(await file('noEval.js', 'var text = "1 + 1";\nvar two = Number(text.charAt(0)) * 2;\n'));
    expect(ok).toMatchObject({ code: 0 });
  });

  it('fails eval used without a call (indirect eval, a copy, a shorthand), but not the word in a string, a comment or a property name', () => {
    expect(syntaxProblems('x.js', 'var r = (0, eval)("1");\nvar e = eval;\nvar o = { eval };')).toEqual([
      'x.js:1:13: uses eval; the pushed code may not evaluate code at run time',
      'x.js:2:9: uses eval; the pushed code may not evaluate code at run time',
      'x.js:3:11: uses eval; the pushed code may not evaluate code at run time',
    ]);
    // An escaped name is the same identifier: the tree sees it, a pattern on the text would not.
    expect(syntaxProblems('x.js', 'ev\\u0061l("1");')).toEqual([
      'x.js:1:1: calls eval(; the pushed code may not evaluate code at run time',
    ]);
    const names = [
      'var s = "eval(x) and new Function(y)"; // eval(z)',
      'var o = { eval: 1, Function: 2 }; o.eval = o.Function; o["eval"] = 3;',
      'class K { eval() {} static Function() {} }',
      'eval_: for (;;) { break eval_; }',
    ].join('\n');
    expect(syntaxProblems('names.js', names)).toEqual([]);
  });

  it('fails a file calling new Function or Function, naming its line and column, and passes one that does not', async () => {
    const run = await runGate(
      await file('function.js', 'var add = new Function("a", "b", "return a + b");\n\nvar one = Function("return 1")();\n'),
    );
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/function\.js:1:15: calls new Function\(; the pushed code may not evaluate code at run time/);
    expect(run.out).toMatch(/function\.js:3:11: calls Function\(; the pushed code may not evaluate code at run time/);
    const ok = await runGate(await file('noFunction.js', 'var add = function (a, b) { return a + b; };\nvar one = add(0, 1);\n'));
    expect(ok).toMatchObject({ code: 0 });
  });

  it('lets Function be named without a call (its prototype, instanceof) and finds the calls in an HTML page', () => {
    expect(syntaxProblems('x.js', 'var call = Function.prototype.call;\nvar isFn = call instanceof Function;')).toEqual([]);
    expect(fileProblems('page.html', '<p>hi</p>\n<script>\n  var f = Function("x");\n</script>')).toEqual([
      'page.html:3:11: calls Function(; the pushed code may not evaluate code at run time',
    ]);
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
