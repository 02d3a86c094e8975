// Checks that what a push sends parses as ES2019: dist/Code.js, and every inline <script> of the
// HTML files of dist/ (the sidebar's client). Google documents Apps Script's V8 runtime as running
// "modern ECMAScript syntax" without naming a version, so the pushed code is held to ES2019 (the
// build's target): one syntax error in Code.js and no function of the project runs. A real parser
// (acorn) decides; nothing here is a pattern match on the code. It also fails on BigInt (ES2020):
// a `BigInt` identifier (a BigInt(...) call, or a reference to BigInt, BigInt64Array or
// BigUint64Array) or a bigint literal such as 123n. Tests may use BigInt; the pushed code may not.
// And it fails on code evaluated at run time: any reference to `eval` (a call or not) and any call
// of `Function` (`Function(...)` or `new Function(...)`), found by walking acorn's syntax tree, so
// the words in strings, comments or property names (`o.eval`) do not count. Everything pushed is
// code as written; none is made from text at run time.
// Run with `npm run check:syntax` after `npm run build`, or `node scripts/check-syntax.mjs FILE...`.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The syntax the pushed code is held to. */
export const ECMA_VERSION = 2019;
export const PARSE_OPTIONS = Object.freeze({ ecmaVersion: ECMA_VERSION, sourceType: 'script', locations: true });

/** Globals of ES2020's BigInt; any identifier with one of these names fails the check. */
const BIGINT_NAMES = new Set(['BigInt', 'BigInt64Array', 'BigUint64Array']);

/**
 * Where a piece of code sits in its file, so that problems name the file's own line and column:
 * `line` is the file line of the code's first line (1-based), `column` the column (0-based) at
 * which the code starts on that line.
 */
const AT_START = Object.freeze({ line: 1, column: 0 });

/** Parents' keys under which an identifier is a name, not a reference (`o.eval`, `{ eval: 1 }`, a label). */
function isNameOnly(parent, key) {
  if (!parent) return false;
  if (key === 'property' && parent.type === 'MemberExpression') return !parent.computed;
  if (key === 'key' && ['Property', 'MethodDefinition', 'PropertyDefinition'].includes(parent.type)) return !parent.computed;
  return key === 'label';
}

/** Calls `visit(node, parent, key)` for every node of an acorn tree, parents first. */
function walk(node, visit, parent = null, key = null) {
  visit(node, parent, key);
  for (const [childKey, value] of Object.entries(node)) {
    if (childKey === 'loc') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof child.type === 'string') walk(child, visit, node, childKey);
    }
  }
}

/** Uses of eval and calls of Function in a parsed script, as sentences naming `name:line:column`. */
function evalProblems(name, ast, at) {
  const problems = [];
  walk(ast, (node, parent, key) => {
    if (node.type !== 'Identifier' || isNameOnly(parent, key)) return;
    const callee = key === 'callee' && (parent.type === 'CallExpression' || parent.type === 'NewExpression');
    if (node.name === 'eval') {
      problems.push(
        `${name}:${place(node.loc.start, at)}: ${callee ? 'calls eval(' : 'uses eval'}; the pushed code may not evaluate code at run time`,
      );
    } else if (node.name === 'Function' && callee) {
      const what = parent.type === 'NewExpression' ? 'new Function(' : 'Function(';
      problems.push(`${name}:${place(node.loc.start, at)}: calls ${what}; the pushed code may not evaluate code at run time`);
    }
  });
  return problems;
}

/** A position of acorn (line 1-based, column 0-based) as "line:column" of the file, both 1-based. */
function place(loc, at) {
  const line = loc.line + at.line - 1;
  const column = (loc.line === 1 ? loc.column + at.column : loc.column) + 1;
  return `${line}:${column}`;
}

/** Bigint literals of code that ES2019 does not parse: tokenized as the newest JavaScript. */
function bigintLiterals(code) {
  const found = [];
  try {
    for (const token of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true })) {
      if (token.type === acorn.tokTypes.num && typeof token.value === 'bigint') found.push(token);
    }
  } catch {
    // Another syntax error: the ES2019 parse already reports the first one.
  }
  return found;
}

/**
 * Problems of one piece of JavaScript, as sentences naming `name:line:column`; empty when it
 * parses as an ES2019 script, uses no BigInt, no eval and calls no Function.
 */
export function syntaxProblems(name, code, at = AT_START) {
  let ast;
  try {
    ast = acorn.parse(code, PARSE_OPTIONS);
  } catch (error) {
    if (!(error instanceof SyntaxError) || !error.loc) throw error;
    const literals = bigintLiterals(code);
    const problems = literals.map(
      (t) =>
        `${name}:${place(t.loc.start, at)}: the bigint literal ${code.slice(t.start, t.end)} is ES2020; the pushed code may not use BigInt`,
    );
    // acorn stops at a bigint literal's "n"; any other first error is reported as it is.
    if (!literals.some((t) => error.pos >= t.start && error.pos <= t.end)) {
      const message = error.message.replace(/\s*\(\d+:\d+\)$/, '');
      const operator = ['??', '?.'].find((op) => code.startsWith(op, error.pos - 1) || code.startsWith(op, error.pos));
      const why = operator ? ` (${operator} is ES2020)` : '';
      problems.unshift(`${name}:${place(error.loc, at)}: not ES${ECMA_VERSION} JavaScript: ${message}${why}`);
    }
    return problems;
  }
  const problems = [];
  const tokens = [...acorn.tokenizer(code, PARSE_OPTIONS)];
  tokens.forEach((token, i) => {
    if (token.type !== acorn.tokTypes.name || !BIGINT_NAMES.has(token.value)) return;
    const call = token.value === 'BigInt' && tokens[i + 1]?.type === acorn.tokTypes.parenL;
    problems.push(
      `${name}:${place(token.loc.start, at)}: ${call ? 'calls BigInt(' : `uses ${token.value}`}; BigInt is ES2020 and the pushed code may not use it`,
    );
  });
  problems.push(...evalProblems(name, ast, at));
  return problems;
}

/** Values of a <script type> that make it JavaScript (besides no type at all). */
const JS_TYPES = new Set(['text/javascript', 'application/javascript', 'module']);

/** The bodies of the inline <script> elements of an HTML page, each with where it starts. */
export function inlineScripts(html) {
  const scripts = [];
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const [, attributes, body] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue; // no inline code (and check:manifest forbids remote ones)
    const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const mime = type ? (type[1] ?? type[2] ?? type[3]).trim().toLowerCase() : '';
    if (mime && !JS_TYPES.has(mime)) continue; // data such as application/json, not code
    const start = match.index + match[0].indexOf('>') + 1;
    const before = html.slice(0, start);
    const line = before.split('\n').length;
    scripts.push({ code: body, at: { line, column: start - (before.lastIndexOf('\n') + 1) } });
  }
  return scripts;
}

/** Problems of a pushed file: a .js or .gs file is one script, an .html file its inline scripts. */
export function fileProblems(name, text) {
  if (/\.html?$/i.test(name)) return inlineScripts(text).flatMap((s) => syntaxProblems(name, s.code, s.at));
  return syntaxProblems(name, text);
}

/** The pushed files to check: every .js, .gs and .html file of dist/. */
export async function pushedFiles(dist) {
  const names = await readdir(dist);
  return names
    .filter((n) => /\.(js|gs|html)$/.test(n))
    .sort()
    .map((n) => join(dist, n));
}

async function main() {
  const args = process.argv.slice(2);
  const files = args.length ? args : await pushedFiles(join(root, 'dist'));
  if (!files.length) throw new Error('nothing to check: run npm run build');
  const problems = [];
  for (const file of files) {
    const name = relative(process.cwd(), file) || basename(file);
    const text = await readFile(file, 'utf8');
    const found = fileProblems(name, text);
    problems.push(...found);
    if (!found.length) {
      const scripts = /\.html?$/i.test(file) ? inlineScripts(text).length : 1;
      console.log(`${name}: ES${ECMA_VERSION}, no BigInt, no eval or Function (${scripts} script${scripts === 1 ? '' : 's'})`);
    }
  }
  if (problems.length) {
    console.error(`syntax check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
