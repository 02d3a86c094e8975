import vm from 'node:vm';
import type { FakeSpreadsheet, UiEvent } from '../fakes/appsScript';
import { createAppsScriptFakes } from '../fakes/appsScript';

/**
 * The add-on as Apps Script runs it, on this machine: dist/Code.js in a fresh node:vm context
 * holding only the in-memory fakes of the Apps Script services. Shared by the server tests and
 * the sidebar's browser tests (the local preview runs Code.js in the browser: scripts/preview/).
 */

export interface HarnessOptions {
  /** The text of dist/Code.js. */
  readonly code: string;
  /** HTML files by name, for HtmlService.createHtmlOutputFromFile ("Sidebar" -> dist/Sidebar.html). */
  readonly files?: Record<string, string>;
  readonly spreadsheet?: FakeSpreadsheet;
}

export class AddonHarness {
  readonly context: vm.Context;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: UiEvent[];

  constructor(options: HarnessOptions) {
    const fakes = createAppsScriptFakes({ spreadsheet: options.spreadsheet, files: options.files });
    this.spreadsheet = fakes.spreadsheet;
    this.ui = fakes.ui;
    this.context = vm.createContext({ ...fakes.services });
    vm.runInContext(options.code, this.context, { filename: 'Code.js' });
  }

  /** Whether google.script.run may call `name`: a public top-level function (private ones end with "_"). */
  isCallable(name: string): boolean {
    return (
      /^[A-Za-z][A-Za-z0-9]*$/.test(name) &&
      Object.prototype.hasOwnProperty.call(this.context, name) &&
      typeof this.context[name] === 'function'
    );
  }

  /** Calls a global with arguments made in this realm. */
  call(name: string, ...args: unknown[]): unknown {
    if (!this.isCallable(name)) throw new Error(`${name} is not a function the page may call`);
    return (this.context[name] as (...a: unknown[]) => unknown)(...args);
  }

  /**
   * Calls a global as google.script.run does: the arguments arrive as JSON and are rebuilt inside
   * the script's realm, the result goes back as JSON (undefined becomes null). A thrown error
   * becomes an Error here with the script's message.
   */
  runJson(name: string, argsJson: string): string {
    if (!this.isCallable(name)) throw new Error(`Script function not found: ${name}`);
    this.context.__argsJson = argsJson;
    this.context.__name = name;
    try {
      const out = vm.runInContext(
        `(function () { var args = JSON.parse(__argsJson); if (!Array.isArray(args)) throw new Error('arguments must be a list');
          var result = this[__name].apply(null, args); return JSON.stringify(result === undefined ? null : result); }).call(this)`,
        this.context,
      ) as string;
      return out;
    } catch (error) {
      const message =
        error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
      throw new Error(message);
    } finally {
      delete this.context.__argsJson;
      delete this.context.__name;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Example data: what a producer might already have in a spreadsheet (exampleData.ts, which the
// browser preview imports too).

export { MESSY_LIST, MESSY_LIST_VALUES, SHOT_LIST, SHOT_LIST_VALUES, seedExampleData } from './exampleData';
