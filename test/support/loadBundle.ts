import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const DIST = join(__dirname, '..', '..', 'dist');
export const CODE_PATH = join(DIST, 'Code.js');

export function readCode(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

/**
 * Loads dist/Code.js into a fresh, bare node:vm context, as Apps Script would: only the given
 * fakes of Apps Script services are there (no require, module, process or console unless given).
 * Returns the context, whose own keys are the globals the bundle defines.
 */
export function loadBundle(services: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...services });
  vm.runInContext(readCode(), context, { filename: 'Code.js' });
  return context;
}

/** Calls a global of the bundle with arguments made in the test's realm. */
export function callGlobal(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not a global function of Code.js`);
  return fn(...args);
}

/** The globals the bundle added to a context that started with `before` keys. */
export function definedGlobals(context: vm.Context, before: readonly string[] = []): string[] {
  return Object.keys(context).filter((k) => !before.includes(k));
}

/** The HTML files of dist/ by name, as HtmlService.createHtmlOutputFromFile finds them ("Help", "Sidebar"). */
export function distHtmlFiles(): Record<string, string> {
  return {
    Help: readFileSync(join(DIST, 'Help.html'), 'utf8'),
    Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'),
  };
}
