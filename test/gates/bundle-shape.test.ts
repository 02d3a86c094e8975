import { describe, expect, it } from 'vitest';
import { definedGlobals, loadBundle, readCode } from '../support/loadBundle';

const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  KLING_CREDITS: ['mode', 'secs', 'audio', 'model', 'prices'],
  KLING_COST: ['mode', 'secs', 'audio', 'plan', 'billing', 'retake_rate', 'model', 'prices'],
  KLING_VIDEOS: ['plan', 'mode', 'secs', 'audio', 'retake_rate', 'model', 'prices'],
  KLING_IMAGES: ['plan', 'prices'],
  KLING_PLAN: ['plan', 'field', 'billing', 'prices'],
  KLING_BEST_PLAN: ['credits_per_month', 'billing', 'allow_topups', 'prices'],
  KLING_MONTHLY_COST: ['credits_per_month', 'billing', 'allow_topups', 'prices'],
  KLING_API_COST: ['mode', 'secs', 'audio', 'model', 'prices'],
  KLING_BUDGET: ['modes', 'secs', 'audios', 'counts', 'billing', 'buffer', 'model', 'prices'],
  KLING_PRICES: ['prices'],
  KLING_YEARLY: ['credits_per_month', 'allow_topups', 'prices'],
  // Spend over time (schedule.md) and the usage log (actuals.md); every function takes the price table last.
  KLING_SCHEDULE: ['credits_by_month', 'billing', 'topup_balance', 'prices'],
  KLING_API_SCHEDULE: ['api_usd_by_month', 'prices'],
  KLING_ACTUALS: ['dates', 'modes', 'secs', 'audios', 'outcomes', 'models', 'prices'],
};

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

  it('has no ES module syntax, require or process', () => {
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\./);
  });

  it('loads in a bare context and defines only the public globals, the private bundle and the loader of Actions.html', () => {
    const context = loadBundle();
    const globals = definedGlobals(context);
    const publicGlobals = globals.filter((g) => !g.endsWith('_'));
    const privateGlobals = globals.filter((g) => g.endsWith('_'));
    expect(privateGlobals.sort()).toEqual(['KlingActions_', 'KlingCost_']);
    expect(typeof context.KlingCost_).toBe('object');
    expect(typeof context.KlingActions_).toBe('function');
    for (const name of Object.keys(CUSTOM_FUNCTIONS)) expect(publicGlobals).toContain(name);
    // Exactly these custom functions: a new one is added to the spec and to this list.
    expect(publicGlobals.filter((g) => g.startsWith('KLING_')).sort()).toEqual(Object.keys(CUSTOM_FUNCTIONS).sort());
    // Every public global is a function declared at top level with a JSDoc block.
    for (const name of publicGlobals) {
      expect(typeof context[name], name).toBe('function');
      jsdocOf(code, name);
    }
  });
});
