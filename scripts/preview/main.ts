/**
 * The preview page's start: fetches dist/ (Code.js and the HTML files HtmlService serves), makes
 * the in-memory spreadsheet with a small example shot list selected, loads Code.js into its own
 * realm over the fakes of the Apps Script services, registers its custom functions with the
 * formula engine, computes the spreadsheet live (test/support/liveWorkbook.ts), runs the add-on's
 * onOpen for its menu, and shows it all (app.ts). window.klingPreview is for the browser tests and
 * the picture script: it reads, it never does what a person could not.
 */
import { createAppsScriptFakes, FakeSpreadsheet } from '../../test/fakes/appsScript';
import { SHOT_LIST, seedExampleData } from '../../test/support/exampleData';
import { type ArraySizes, KLING_SIZES, registerKlingFunctions, type SizeRule } from '../../test/support/hyperformula';
import { instantOf, LiveWorkbook } from '../../test/support/liveWorkbook';
import { App } from './app';
import { createRealm } from './realm';

/** A custom function KLING_SIZES does not know yet: as large as its largest range argument (else one cell). */
const LARGEST_ARGUMENT: SizeRule = (args) => args.reduce<readonly [number, number]>((a, b) => (b[0] * b[1] > a[0] * a[1] ? b : a), [1, 1]);

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

async function start(): Promise<App> {
  const params = new URLSearchParams(window.location.search);
  if (params.has('shot')) document.body.classList.add('shot');
  const manifest = JSON.parse(await text('/dist/manifest.json')) as { code: string; html: string[] };
  const [code, ...pages] = await Promise.all([text(`/dist/${manifest.code}`), ...manifest.html.map((name) => text(`/dist/${name}.html`))]);
  const files = Object.fromEntries(manifest.html.map((name, i) => [name, pages[i] as string]));

  const spreadsheet = seedExampleData(new FakeSpreadsheet(SHOT_LIST));
  spreadsheet.setSpreadsheetTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'Etc/UTC');
  let app: App | null = null;
  const fakes = createAppsScriptFakes({
    spreadsheet,
    files,
    onUi: (event) => app?.onUi(event),
    answer: (event, buttons) => (app ? app.answer(event, buttons) : { button: 'OK' }),
  });
  const realm = createRealm(document.getElementById('realm') as HTMLIFrameElement, fakes.services, code);

  const sizes: Record<string, ArraySizes[string]> = {};
  for (const name of realm.customFunctions) sizes[name] = KLING_SIZES[name] ?? LARGEST_ARGUMENT;
  // A date cell reaches a custom function as a Date of the add-on's realm, in the spreadsheet's zone.
  registerKlingFunctions(realm.window, realm.customFunctions, sizes, {
    date: (serial) => new realm.window.Date(instantOf(serial, spreadsheet.getSpreadsheetTimeZone())),
  });

  const workbook = new LiveWorkbook(spreadsheet, { makeDate: (ms) => new realm.window.Date(ms) });
  app = new App(spreadsheet, workbook, fakes);
  spreadsheet.onToast = (message, title, seconds) => app?.toast(message, title, seconds);
  (window as unknown as { klingPreviewHost: unknown }).klingPreviewHost = app.hostApi();
  // Sheets runs the add-on's onOpen when the spreadsheet opens: it builds the menu.
  if (realm.isCallable('onOpen')) realm.run('onOpen');
  app.start(realm);
  return app;
}

/** What the tests and the picture script read (never a shortcut around what a person does). */
function testApi(app: App) {
  return {
    app,
    spreadsheet: app.spreadsheet,
    workbook: app.workbook,
    realm: app.realm.window,
    customFunctions: app.realm.customFunctions,
    isBusy: () => app.isBusy(),
    runs: () => app.runs,
    /** Where a sheet shows `text` (trimmed, exactly; or a RegExp source with `regex`): [row, col] 1-based. */
    find(sheetName: string, text: string, regex = false): [number, number][] {
      const sheet = app.spreadsheet.getSheetByName(sheetName);
      if (!sheet) return [];
      const pattern = regex ? new RegExp(text) : null;
      return app.workbook.findText(sheet, (value) => (pattern ? pattern.test(value) : value.trim() === text));
    },
    shown(sheetName: string, row: number, col: number) {
      const sheet = app.spreadsheet.getSheetByName(sheetName);
      return sheet ? app.workbook.shown(sheet, row, col) : null;
    },
    sheetNames: () => app.spreadsheet.getSheets().map((s) => s.getName()),
    /** The grid's box of a cell, in page coordinates (drawing its rows first). */
    cellRect(row: number, col: number) {
      app.grid.ensureRow(row);
      const td = document.querySelector(`#grid td[data-r="${row}"][data-c="${col}"]`);
      const r = td?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    },
  };
}

const ready = start().then(
  (app) => {
    const api = testApi(app);
    (window as unknown as { klingPreview: unknown }).klingPreview = api;
    document.body.dataset.ready = 'true';
    return api;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const box = document.getElementById('running') as HTMLElement;
    box.textContent = `The preview could not start: ${message}`;
    box.classList.add('error');
    box.hidden = false;
    document.body.dataset.ready = 'failed';
    throw error;
  },
);
(window as unknown as { klingPreviewReady: unknown }).klingPreviewReady = ready;
