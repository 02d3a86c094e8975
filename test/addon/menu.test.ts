/**
 * The add-on menu from dist/Code.js: built in AuthMode.NONE touching nothing else, every item a
 * global of Code.js, and every item, run twice and then once more over a spreadsheet full of user
 * data (with sheets named like the add-on's), changes no existing cell and shows no error. "Lock
 * budget version" is the one item that writes into cells that exist (the two "Locked version"
 * cells of the budget it locks: lock.test.ts); here it runs on each of the user's sheets, where it
 * changes nothing and says what to select.
 */
import { describe, expect, it } from 'vitest';
import { createAppsScriptFakes, type FakeHtmlOutput } from '../fakes/appsScript';
import { callGlobal, distHtmlFiles, loadBundle } from '../support/loadBundle';
import { addon } from './sheets';
import { state, userSpreadsheet } from './userData';

const EXPECTED_MENU: [string, string][] = [
  ['Compare plans', 'showSidebar'],
  ['Insert budget template', 'insertBudgetTemplate'],
  ['Insert 12-month plan', 'insertTwelveMonthPlan'],
  ['Insert usage log', 'insertUsageLog'],
  ['Lock budget version', 'lockBudgetVersion'],
  ['Insert price table', 'insertPriceTable'],
  ['Edit prices', 'editPrices'],
  ['-', ''],
  ['Help', 'showHelp'],
];
const MENU_FUNCTIONS = EXPECTED_MENU.map(([, fn]) => fn).filter(Boolean);
const NOT_A_BUDGET = 'Select a Kling budget or 12-month plan sheet, then choose Lock budget version again.';

/** Services as Apps Script gives them in AuthMode.NONE: only SpreadsheetApp.getUi() may be used. */
function authModeNoneServices(fakes: ReturnType<typeof createAppsScriptFakes>) {
  const used: string[] = [];
  const forbidden = (service: string, allowed: Record<string, unknown> = {}) =>
    new Proxy(allowed, {
      get(target, key) {
        if (typeof key === 'string' && key in target) return target[key];
        used.push(`${service}.${String(key)}`);
        throw new Error(`${service}.${String(key)} is not allowed in AuthMode.NONE`);
      },
    });
  const services = {
    SpreadsheetApp: forbidden('SpreadsheetApp', { getUi: fakes.services.SpreadsheetApp.getUi }),
    HtmlService: forbidden('HtmlService'),
    Charts: forbidden('Charts'),
    LockService: forbidden('LockService'),
    ScriptApp: fakes.services.ScriptApp,
  };
  return { services, used };
}

describe('menu and lifecycle', () => {
  for (const trigger of ['onOpen', 'onInstall']) {
    it(`${trigger} in AuthMode.NONE builds the menu and touches nothing else`, () => {
      const fakes = createAppsScriptFakes();
      const { services, used } = authModeNoneServices(fakes);
      const context = loadBundle(services);
      callGlobal(context, trigger, { authMode: 'NONE', source: {} });
      expect(used).toEqual([]);
      expect(fakes.menus).toEqual([{ title: 'Kling Cost', items: EXPECTED_MENU }]);
      expect(fakes.spreadsheet.writes).toEqual([]);
    });
  }

  it('every menu item names a global function of Code.js', () => {
    const fakes = createAppsScriptFakes();
    const context = loadBundle(fakes.services);
    callGlobal(context, 'onOpen');
    const names = (fakes.menus[0]?.items ?? []).map(([, fn]) => fn).filter(Boolean);
    expect(names).toEqual(MENU_FUNCTIONS);
    for (const name of names) expect(typeof context[name], name).toBe('function');
  });

  it('Help shows dist/Help.html: every custom function with its arguments and the prices argument as whole columns', () => {
    const fakes = createAppsScriptFakes({ files: distHtmlFiles() });
    const context = loadBundle(fakes.services);
    callGlobal(context, 'showHelp');
    callGlobal(context, 'showHelp');
    const dialogs = fakes.ui.filter((e) => e.kind === 'dialog');
    expect(dialogs).toHaveLength(2);
    expect(dialogs[0]?.title).toBe('Kling Cost help');
    const html = ((dialogs[0] as { detail: unknown }).detail as FakeHtmlOutput).getContent();
    expect(html).toContain('=KLING_YEARLY(credits_per_month, allow_topups, prices)');
    expect(html).toContain('=KLING_ACTUALS(dates, modes, secs, audios, outcomes, models, prices)');
    expect(html).toContain('=KLING_COST(&#34;pro&#34;,10,TRUE,&#34;standard&#34;,,,,&#39;Kling prices&#39;!A:H)');
    expect(html).not.toMatch(/<script/i);
    expect(fakes.spreadsheet.writes).toEqual([]);
  });
});

describe('every menu item on a spreadsheet full of user data', () => {
  for (const userPriceSheet of [false, true]) {
    it(`runs twice in a row, then once more, without an error and without changing an existing cell${userPriceSheet ? ' (the user has a sheet "Kling prices")' : ''}`, () => {
      const a = addon(userSpreadsheet({ userPriceSheet }));
      const before = state(a.spreadsheet);
      const userSheets = before.names;
      let refusals = 0;
      const run = (name: string) => {
        if (name !== 'lockBudgetVersion') {
          a.run(name);
          return;
        }
        // On each of the user's sheets (some named like the add-on's): nothing to lock there.
        for (const sheet of userSheets) {
          a.spreadsheet.getSheetByName(sheet)?.activate();
          a.run(name);
          refusals++;
        }
      };
      for (const name of MENU_FUNCTIONS) {
        run(name);
        run(name);
      }
      // Once more each, now that the add-on's own sheets exist too.
      for (const name of MENU_FUNCTIONS) run(name);
      const after = state(a.spreadsheet);
      for (const name of before.names) expect(after.sheets[name], name).toEqual(before.sheets[name]);
      expect(a.spreadsheet.writes.filter((w) => before.names.includes(w.sheet))).toEqual([]);
      const prices = userPriceSheet ? 'Kling prices 2' : 'Kling prices';
      expect(after.names).toEqual([
        ...before.names,
        'Kling budget 2',
        'Kling budget 3',
        // The user's "Kling usage log" is not a log: the first plan makes one, the second reuses it,
        // and Insert usage log shows that empty log (which the plans read) instead of adding another.
        'Kling usage log 2',
        'Kling 12-month plan 2',
        'Kling 12-month plan 3',
        'Kling price table 2',
        'Kling price table 3',
        prices,
        'Kling budget 4',
        'Kling 12-month plan 4',
        'Kling price table 4',
      ]);
      expect(a.spreadsheet.toasts.filter((t) => t.startsWith('"Kling usage log 2" is your usage log, still empty'))).toHaveLength(3);
      // No error was shown: the only alerts are the lock's, saying what to select; then the sidebars and the help dialogs.
      const alerts = a.fakes.ui.filter((e) => e.kind === 'alert');
      expect(refusals).toBe(3 * userSheets.length);
      expect(alerts).toHaveLength(refusals);
      for (const alert of alerts) expect(alert).toMatchObject({ title: 'Kling Cost: nothing was locked', detail: NOT_A_BUDGET });
      expect(a.fakes.ui.filter((e) => e.kind === 'sidebar').map((e) => e.title)).toEqual(Array(3).fill('Kling Cost'));
      expect(a.fakes.ui.filter((e) => e.kind === 'dialog').map((e) => e.title)).toEqual(Array(3).fill('Kling Cost help'));
      // The plans inserted after Edit prices read the table; the second Edit prices opened it.
      const plan = a.spreadsheet.getSheetByName('Kling 12-month plan 4');
      expect(plan?.getRange('AH21').getFormulas()[0]?.[0]).toContain(`'${prices}'!A:H`);
      expect(a.spreadsheet.toasts.filter((t) => t.includes('edit them there'))).toHaveLength(2);
    });
  }
});
