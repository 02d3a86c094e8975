import { describe, expect, it } from 'vitest';
import { createAppsScriptFakes } from '../fakes/appsScript';
import { callGlobal, loadBundle } from '../support/loadBundle';

const EXPECTED_MENU: [string, string][] = [
  ['Compare plans', 'showSidebar'],
  ['Insert budget template', 'insertBudgetTemplate'],
  ['Insert price table', 'insertPriceTable'],
  ['Edit prices', 'editPrices'],
  ['-', ''],
  ['Help', 'showHelp'],
];

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

  it('every menu item names a global of Code.js, except the sidebar built on its own branch', () => {
    const fakes = createAppsScriptFakes();
    const context = loadBundle(fakes.services);
    callGlobal(context, 'onOpen');
    const names = (fakes.menus[0]?.items ?? []).map(([, fn]) => fn).filter((fn) => fn && fn !== 'showSidebar');
    expect(names).toEqual(['insertBudgetTemplate', 'insertPriceTable', 'editPrices', 'showHelp']);
    for (const name of names) expect(typeof context[name], name).toBe('function');
  });

  it('Help lists every custom function with its arguments, the prices argument and the menu', () => {
    const fakes = createAppsScriptFakes();
    const context = loadBundle(fakes.services);
    callGlobal(context, 'showHelp');
    callGlobal(context, 'showHelp');
    expect(fakes.ui.filter((e) => e.kind === 'alert')).toHaveLength(2);
    const text = String(fakes.ui[0]?.detail);
    expect(text).toContain('=KLING_YEARLY(credits_per_month, allow_topups, prices)');
    expect(text).toContain('=KLING_COST(mode, secs, audio, plan, billing, retake_rate, model, prices)');
    expect(text).toContain(`=KLING_COST("pro",10,TRUE,"standard",,,,'Kling prices'!$A$1:$H$200)`);
    expect(fakes.spreadsheet.writes).toEqual([]);
  });
});
