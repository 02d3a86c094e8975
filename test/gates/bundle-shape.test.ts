import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScriptFakes } from '../fakes/appsScript';
import { callGlobal, DIST, definedGlobals, distHtmlFiles, loadBundle, readCode } from '../support/loadBundle';

const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  KLING_CREDITS: ['mode', 'secs', 'audio', 'model', 'prices'],
  KLING_COST: ['mode', 'secs', 'audio', 'plan', 'billing', 'retake_rate', 'model', 'prices'],
  KLING_VIDEOS: ['plan', 'mode', 'secs', 'audio', 'retake_rate', 'model', 'prices'],
  KLING_IMAGES: ['plan', 'prices'],
  KLING_PLAN: ['plan', 'field', 'billing', 'prices'],
  KLING_BEST_PLAN: ['credits_per_month', 'billing', 'allow_topups', 'prices'],
  KLING_MONTHLY_COST: ['credits_per_month', 'billing', 'allow_topups', 'prices'],
  KLING_API_COST: ['mode', 'secs', 'audio', 'model', 'provider', 'prices'],
  KLING_BUDGET: ['modes', 'secs', 'audios', 'counts', 'billing', 'retake_rate', 'model', 'prices'],
  KLING_PRICES: ['prices'],
  KLING_YEARLY: ['credits_per_month', 'allow_topups', 'prices'],
  // Spend over time (schedule.md) and the usage log (actuals.md); every function takes the price table last.
  KLING_SCHEDULE: ['credits_by_month', 'billing', 'topup_balance', 'prices'],
  KLING_API_SCHEDULE: ['api_usd_by_month', 'prices'],
  KLING_ACTUALS: ['dates', 'modes', 'secs', 'audios', 'outcomes', 'models', 'prices'],
  // Every channel over months (channels.md) and the price rows that changed against a locked copy (finance.md).
  KLING_CHANNELS: [
    'models',
    'modes',
    'secs',
    'audios',
    'videos_by_month',
    'billing',
    'retake_rate',
    'test_takes',
    'images_by_month',
    'credits_per_image',
    'image_retake_rate',
    'topup_balance',
    'detail',
    'prices',
  ],
  KLING_PRICE_CHANGES: ['locked_prices', 'prices'],
};

/** What a custom function's wrapper hands the bundle first: the spreadsheet's time zone, read only through zoneFor_. */
const ZONE_ARGUMENT =
  'KlingCost_.zoneFor_(arguments, function () {\n    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();\n  })';
/** Members of the bundle with no wrapper: not globals, called only by the wrappers. */
const INTERNAL_MEMBERS = ['zoneFor_'];

/** The menu's handlers, the triggers and the sidebar's server functions: globals of Code.js like the custom functions. */
const SERVER_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'showHelp',
  'insertBudgetTemplate',
  'insertTwelveMonthPlan',
  'insertUsageLog',
  'lockBudgetVersion',
  'insertPriceTable',
  'editPrices',
  'showSidebar',
  'sidebarInit',
  'sidebarReadSelection',
  'sidebarInsertComparison',
];

/** The text of the top-level `function NAME(...) { ... }`, up to its closing brace at column 0. */
function declarationOf(code: string, name: string): string {
  const at = code.indexOf(`\nfunction ${name}(`);
  expect(at, `function ${name} is declared at top level`).toBeGreaterThan(0);
  return code.slice(at + 1, code.indexOf('\n}\n', at) + 2);
}

/** The JSDoc block right before `function NAME(`. */
function jsdocOf(code: string, name: string): string {
  const at = code.indexOf(`\nfunction ${name}(`);
  expect(at, `function ${name} is declared at top level`).toBeGreaterThan(0);
  const end = code.lastIndexOf('*/', at);
  const start = code.lastIndexOf('/**', end);
  expect(code.slice(end + 2, at).trim(), `nothing between ${name}'s JSDoc and its declaration`).toBe('');
  return code.slice(start, end + 2);
}

describe('dist/Code.js shape', () => {
  const code = readCode();

  it('declares each custom function at top level with its spec parameters', () => {
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
      expect(code).toContain(`\nfunction ${name}(${params.join(', ')}) {`);
    }
  });

  it('documents each custom function: description, one @param per argument, @return, @customfunction', () => {
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
      const doc = jsdocOf(code, name);
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/@return \S/);
      const documented = [...doc.matchAll(/@param \{\*\} (\w+)/g)].map((m) => m[1]);
      expect(documented, name).toEqual(params);
      const description = doc.split('\n')[1]?.replace(/^\s*\*\s?/, '') ?? '';
      expect(description.length, `${name} has a one-line description`).toBeGreaterThan(10);
    }
  });

  it("each custom function's wrapper hands the spreadsheet's time zone first, then every argument, to the bundle", () => {
    for (const name of Object.keys(CUSTOM_FUNCTIONS)) {
      expect(declarationOf(code, name), name).toContain(`return KlingCost_.${name}(${ZONE_ARGUMENT}, ...arguments);`);
    }
    // The menu and the sidebar's server functions read no zone: they hand their arguments on.
    for (const name of SERVER_FUNCTIONS) {
      const declaration = declarationOf(code, name);
      expect(declaration, name).toContain(`return KlingCost_.${name}(...arguments);`);
      expect(declaration, name).not.toContain('zoneFor_');
    }
  });

  it('has no ES module syntax, require or process', () => {
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\./);
  });

  it('declares each menu handler and sidebar server function at top level, documented, calling the bundle in this file', () => {
    for (const name of SERVER_FUNCTIONS) {
      const doc = jsdocOf(code, name);
      expect(doc, name).not.toContain('@customfunction');
      expect(doc.split('\n')[1]?.replace(/^\s*\*\s?/, '').length, `${name} has a one-line description`).toBeGreaterThan(10);
      expect(declarationOf(code, name)).toContain(`KlingCost_.${name}(`);
    }
  });

  it('holds all the server code: no other script or code file in dist/, no code read from a file at run time', () => {
    expect(existsSync(join(DIST, 'Actions.html'))).toBe(false);
    // What a person copies into the editor: one script file, two pages and the manifest.
    expect(readdirSync(DIST).sort()).toEqual(['Code.js', 'Help.html', 'Sidebar.html', 'appsscript.json']);
    expect(code).not.toMatch(/\bgetContent\b/);
    expect(code).not.toMatch(/\bKlingActions_\b/);
  });

  it('loads in a bare context and defines only the public globals and the private bundle', () => {
    const context = loadBundle();
    const globals = definedGlobals(context);
    const publicGlobals = globals.filter((g) => !g.endsWith('_'));
    const privateGlobals = globals.filter((g) => g.endsWith('_'));
    expect(privateGlobals).toEqual(['KlingCost_']);
    expect(typeof context.KlingCost_).toBe('object');
    // Exactly these globals: a new custom function is added to the spec and to this list, a new
    // server function to SERVER_FUNCTIONS.
    expect([...publicGlobals].sort()).toEqual([...Object.keys(CUSTOM_FUNCTIONS), ...SERVER_FUNCTIONS].sort());
    // The bundle exports exactly what has a wrapper, and the internal members the wrappers call,
    // which are no globals (a cell formula or google.script.run cannot reach them).
    expect(Object.keys(context.KlingCost_).sort()).toEqual([...publicGlobals, ...INTERNAL_MEMBERS].sort());
    for (const name of INTERNAL_MEMBERS) {
      expect(typeof context.KlingCost_[name], name).toBe('function');
      expect(context[name], `${name} is no global`).toBeUndefined();
      expect(code, `${name} has no top-level declaration`).not.toContain(`\nfunction ${name}(`);
    }
    // Every public global is a function declared at top level with a JSDoc block.
    for (const name of publicGlobals) {
      expect(typeof context[name], name).toBe('function');
      jsdocOf(code, name);
    }
  });

  it('leaks no global when a custom function, the menu, a menu action and the sidebar server run', () => {
    const fakes = createAppsScriptFakes({ files: distHtmlFiles() });
    const context = loadBundle(fakes.services);
    const before = definedGlobals(context);
    callGlobal(context, 'KLING_CREDITS', 'pro', 10, true);
    callGlobal(context, 'KLING_BEST_PLAN', 3000, 'monthly', true);
    // A date argument: the wrapper reads the spreadsheet's time zone through zoneFor_.
    const date = vm.runInContext('new Date(Date.UTC(2026, 10, 3, 12))', context) as Date;
    callGlobal(context, 'KLING_ACTUALS', [[date]], [['std']], [[5]], [[false]], [['kept']]);
    callGlobal(context, 'onOpen', { authMode: 'FULL' });
    callGlobal(context, 'insertBudgetTemplate');
    callGlobal(context, 'showSidebar');
    callGlobal(context, 'sidebarInit');
    expect(fakes.ui.filter((e) => e.kind === 'alert')).toEqual([]);
    expect(definedGlobals(context)).toEqual(before);
  });
});
