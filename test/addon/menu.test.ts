import { describe, expect, it } from 'vitest';
import { createAppsScriptFakes, type FakeHtmlOutput } from '../fakes/appsScript';
import { callGlobal, distHtmlFiles, loadBundle } from '../support/loadBundle';

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

  it('every menu item names a global function of Code.js', () => {
    const fakes = createAppsScriptFakes();
    const context = loadBundle(fakes.services);
    callGlobal(context, 'onOpen');
    const names = (fakes.menus[0]?.items ?? []).map(([, fn]) => fn).filter(Boolean);
    expect(names).toEqual(['showSidebar', 'insertBudgetTemplate', 'insertPriceTable', 'editPrices', 'showHelp']);
    for (const name of names) expect(typeof context[name], name).toBe('function');
  });

  it('Help shows dist/Help.html: every custom function with its arguments, the prices argument and the menu', () => {
    const fakes = createAppsScriptFakes({ files: distHtmlFiles() });
    const context = loadBundle(fakes.services);
    callGlobal(context, 'showHelp');
    callGlobal(context, 'showHelp');
    const dialogs = fakes.ui.filter((e) => e.kind === 'dialog');
    expect(dialogs).toHaveLength(2);
    expect(dialogs[0]?.title).toBe('Kling Cost help');
    const html = ((dialogs[0] as { detail: unknown }).detail as FakeHtmlOutput).getContent();
    expect(html).toContain('=KLING_YEARLY(credits_per_month, allow_topups, prices)');
    expect(html).toContain('=KLING_COST(mode, secs, audio, plan, billing, retake_rate, model, prices)');
    expect(html).toContain('=KLING_COST(&#34;pro&#34;,10,TRUE,&#34;standard&#34;,,,,&#39;Kling prices&#39;!$A$1:$H$200)');
    expect(html).not.toMatch(/<script/i);
    expect(fakes.spreadsheet.writes).toEqual([]);
  });
});
