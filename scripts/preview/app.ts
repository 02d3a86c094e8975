/**
 * The page around the grid, as Sheets shows it: the menu bar with Extensions > Kling Cost built
 * from what the add-on's onOpen added, the name box and formula bar, sheet tabs, the sidebar panel
 * and dialogs holding the add-on's HTML, alerts, toasts, "Running script", and the cards that show
 * a cell's error, note or invalid value. Menu items and google.script.run calls run in the add-on's
 * realm (realm.ts); the grid follows whatever they changed.
 */
import type { createAppsScriptFakes, FakeHtmlOutput, FakeSheet, FakeSpreadsheet, UiEvent } from '../../test/fakes/appsScript';
import { type LiveWorkbook, serialOf } from '../../test/support/liveWorkbook';
import { quoteSheetName } from '../../test/support/references';
import { typedText, validationProblem } from './cells';
import { a1, Grid, parseA1Range, type Selection } from './grid';
import type { Realm } from './realm';

type Fakes = ReturnType<typeof createAppsScriptFakes>;

const MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);
}

/** The add-on's HTML with google.script (bridge.ts) loaded before anything else in it. */
export function withBridge(html: string): string {
  const tag = '<script src="/preview/bridge.js"></script>';
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? html.slice(0, doctype[0].length) + tag + html.slice(doctype[0].length) : tag + html;
}

export class App {
  realm!: Realm;
  grid!: Grid;
  readonly formulaBar = document.getElementById('formula') as HTMLInputElement;
  readonly nameBox = document.getElementById('name-box') as HTMLInputElement;
  private readonly selections = new Map<FakeSheet, Selection>();
  private busy = 0;
  private pendingAlerts: UiEvent[] = [];
  /** Incremented when a script ends: tests and the picture script wait on it. */
  runs = 0;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    readonly workbook: LiveWorkbook,
    readonly fakes: Fakes,
  ) {}

  start(realm: Realm): void {
    this.realm = realm;
    this.grid = new Grid(this);
    this.renderMenus();
    this.listen();
    const active = this.spreadsheet.getActiveRange();
    const sheet = this.spreadsheet.getActiveSheet();
    this.showSheet(sheet, active ? this.selectionOf(active) : undefined);
    this.grid.focus();
  }

  serial(date: Date): number {
    return serialOf(date, this.spreadsheet.getSpreadsheetTimeZone());
  }

  // ---- Sheets and selection ------------------------------------------------------------------

  private selectionOf(range: { getRow(): number; getColumn(): number; getLastRow(): number; getLastColumn(): number }): Selection {
    return {
      r1: range.getRow(),
      c1: range.getColumn(),
      r2: range.getLastRow(),
      c2: range.getLastColumn(),
      row: range.getRow(),
      col: range.getColumn(),
    };
  }

  showSheet(sheet: FakeSheet, selection?: Selection): void {
    const chosen = selection ?? this.selections.get(sheet) ?? { r1: 1, c1: 1, r2: 1, c2: 1, row: 1, col: 1 };
    this.grid.show(sheet, chosen);
    this.renderTabs();
  }

  /** The grid's selection became the spreadsheet's active range: the name box, formula bar and card follow. */
  selectionChanged(): void {
    const grid = this.grid;
    const s = grid.selection;
    const sheet = grid.sheet;
    this.selections.set(sheet, s);
    const rows = Math.min(s.r2, sheet.getMaxRows()) - s.r1 + 1;
    sheet.getRange(s.r1, s.c1, Math.max(1, rows), s.c2 - s.c1 + 1).activate();
    this.activated = this.spreadsheet.getActiveRange();
    if (document.activeElement !== this.nameBox) this.nameBox.value = a1({ ...s, r2: s.r1 + Math.max(1, rows) - 1 });
    if (!grid.isEditing() && document.activeElement !== this.formulaBar) this.formulaBar.value = grid.editTextAt(s.row, s.col);
    const card = grid.cardFor(s.row, s.col);
    if (card?.kind === 'error') this.showCard(card, this.cellElement(s.row, s.col));
    else this.hideCard();
  }

  private activated: unknown = null;

  private cellElement(row: number, col: number): HTMLElement | null {
    return document.querySelector(`#grid td[data-r="${row}"][data-c="${col}"]`);
  }

  private renderTabs(): void {
    const tabs = document.getElementById('tabs') as HTMLElement;
    tabs.replaceChildren();
    for (const sheet of this.spreadsheet.getSheets()) {
      const button = el('button', '', sheet.getName());
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(sheet === this.grid.sheet));
      button.addEventListener('click', () => {
        if (this.grid.isEditing()) void this.grid.commitEdit('none');
        this.showSheet(sheet);
        this.grid.focus();
      });
      tabs.append(button);
    }
    tabs.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** After any change: the grid, the tabs, and the sheet and selection a script made active. */
  refresh(): void {
    const sheets = this.spreadsheet.getSheets();
    const active = this.spreadsheet.getActiveSheet();
    const range = this.spreadsheet.getActiveRange();
    if (range && range !== this.activated) this.showSheet(range.getSheet(), this.selectionOf(range));
    else if (active !== this.grid.sheet || !sheets.includes(this.grid.sheet)) this.showSheet(active);
    else {
      this.grid.render();
      this.renderTabs();
      this.selectionChanged();
    }
  }

  // ---- Writing cells as a person types them ---------------------------------------------------

  /**
   * Writes typed texts into a block of cells from row, col (the grid's editor, the formula bar, a
   * dropdown, Delete, paste): a warning-only protection asks first, a rule that rejects invalid
   * data refuses, as Sheets does. Then everything that depends on them is recalculated and shown.
   */
  async writeCells(sheet: FakeSheet, row: number, col: number, texts: string[][]): Promise<boolean> {
    const rows = texts.length;
    const cols = texts[0]?.length ?? 0;
    if (rows === 0 || cols === 0) return false;
    const guarded = sheet
      .getProtections('SHEET')
      .concat(sheet.getProtections('RANGE'))
      .filter((p) => p.isWarningOnly() && texts.some((line, r) => line.some((_, c) => p.covers(row + r, col + c))));
    if (guarded.length > 0) {
      const go = await this.confirm(
        'Heads up!',
        `You're trying to edit part of this sheet that shouldn't be changed accidentally.${guarded[0]?.getDescription() ? `\n\n${guarded[0]?.getDescription()}` : ''}`,
        ['Cancel', 'OK'],
      );
      if (go !== 'OK') return false;
    }
    const values = texts.map((line, r) => line.map((text, c) => typedText(text, sheet.peek(row + r, col + c)?.format ?? '')));
    const range = sheet.getRange(row, col, rows, cols);
    const before = range.getValues();
    const formulas = range.getFormulas();
    range.setValues(values);
    // A rule that rejects invalid data: the value goes back, and Sheets says why.
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const validation = sheet.peek(row + r, col + c)?.validation;
        if (!validation || validation.allowInvalid) continue;
        const choices =
          validation.getCriteriaType() === 'VALUE_IN_RANGE'
            ? sheet.getRange(String(validation.getCriteriaValues()[0])).getDisplayValues().flat()
            : [];
        const problem = validationProblem(validation, sheet.getRange(row + r, col + c).getValue(), choices);
        if (problem) {
          range.setValues(before.map((line, i) => line.map((v, j) => (formulas[i]?.[j] ? (formulas[i]?.[j] as string) : v))));
          this.refresh();
          this.alert(
            'There was a problem',
            `${problem}\nThe data you entered in cell ${a1({ r1: row + r, c1: col + c, r2: row + r, c2: col + c })} violates the data validation rules set on this cell.`,
          );
          return false;
        }
      }
    }
    this.refresh();
    return true;
  }

  // ---- The menu bar --------------------------------------------------------------------------

  private openMenu: HTMLElement | null = null;

  private renderMenus(): void {
    const bar = document.getElementById('menubar') as HTMLElement;
    bar.replaceChildren();
    for (const name of MENUS) {
      const top = el('div', 'menu-top');
      const button = el('button', '', name);
      button.type = 'button';
      button.setAttribute('role', 'menuitem');
      button.setAttribute('aria-haspopup', 'true');
      button.setAttribute('aria-expanded', 'false');
      top.append(button);
      if (name === 'Extensions') {
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          if (this.openMenu === top) this.closeMenus();
          else this.openExtensions(top, button);
        });
        button.addEventListener('mouseenter', () => {
          if (this.openMenu && this.openMenu !== top) this.openExtensions(top, button);
        });
      } else {
        button.addEventListener('click', () => this.closeMenus());
      }
      bar.append(top);
    }
    document.addEventListener('mousedown', (event) => {
      if (this.openMenu && !this.openMenu.contains(event.target as Node)) this.closeMenus();
    });
  }

  private closeMenus(): void {
    if (!this.openMenu) return;
    this.openMenu.querySelector('.menu')?.remove();
    this.openMenu.querySelector('button')?.setAttribute('aria-expanded', 'false');
    this.openMenu = null;
  }

  /** Extensions: Add-ons, Macros, Apps Script (not in this preview), then each menu the add-on added. */
  private openExtensions(top: HTMLElement, button: HTMLElement): void {
    this.closeMenus();
    const menu = el('div', 'menu');
    menu.setAttribute('role', 'menu');
    for (const name of ['Add-ons', 'Macros', 'Apps Script']) {
      const item = el('button', 'menu-item', name);
      item.type = 'button';
      item.disabled = true;
      item.setAttribute('role', 'menuitem');
      menu.append(item);
    }
    menu.append(el('div', 'menu-sep'));
    for (const added of this.fakes.menus) {
      const item = el('button', 'menu-item');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.setAttribute('aria-haspopup', 'true');
      item.append(el('span', '', added.title), el('span', 'arrow', '▶'));
      const open = () => {
        for (const other of Array.from(menu.querySelectorAll(':scope > .menu-item > .menu'))) other.remove();
        for (const other of Array.from(menu.querySelectorAll('.menu-item[aria-expanded="true"]')))
          other.setAttribute('aria-expanded', 'false');
        item.setAttribute('aria-expanded', 'true');
        item.append(this.addonMenu(added.items));
      };
      item.addEventListener('mouseenter', open);
      item.addEventListener('click', (event) => {
        if ((event.target as HTMLElement).closest('.menu .menu')) return;
        open();
      });
      menu.append(item);
    }
    top.append(menu);
    button.setAttribute('aria-expanded', 'true');
    this.openMenu = top;
  }

  private addonMenu(items: readonly (readonly [string, string])[]): HTMLElement {
    const sub = el('div', 'menu');
    sub.setAttribute('role', 'menu');
    for (const [caption, fn] of items) {
      if (caption === '-' && fn === '') {
        sub.append(el('div', 'menu-sep'));
        continue;
      }
      const item = el('button', 'menu-item', caption);
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.dataset.function = fn;
      item.addEventListener('click', (event) => {
        event.stopPropagation();
        this.closeMenus();
        void this.runScript(fn);
      });
      sub.append(item);
    }
    return sub;
  }

  // ---- Running the add-on's code -------------------------------------------------------------

  private readonly running = document.getElementById('running') as HTMLElement;

  private showRunning(text: string, error = false): void {
    const box = this.running;
    box.replaceChildren(el('span', '', text));
    box.classList.toggle('error', error);
    if (error) {
      const dismiss = el('button', '', 'Dismiss');
      dismiss.type = 'button';
      dismiss.addEventListener('click', () => {
        box.hidden = true;
      });
      box.append(dismiss);
    }
    box.hidden = false;
  }

  /** Runs a menu item's function in the add-on's realm, as Sheets does: "Running script", then the result or the error. */
  async runScript(fn: string): Promise<void> {
    if (this.grid.isEditing()) await this.grid.commitEdit('none');
    this.busy++;
    this.showRunning('Running script');
    // Let the page paint "Running script" first: a menu item can take a second (a 10,000-row log).
    await new Promise((resolve) => setTimeout(resolve, 30));
    try {
      this.realm.run(fn);
      this.workbook.flush();
      this.running.hidden = true;
    } catch (error) {
      this.showRunning(`Error: ${messageOf(error)}`, true);
    } finally {
      this.busy--;
      this.runs++;
    }
    this.refresh();
    this.flushAlerts();
  }

  /** google.script.run from the add-on's pages: always asynchronous, JSON both ways. */
  private async runFromPage(name: string, argsJson: string): Promise<{ ok: true; json: string } | { ok: false; message: string }> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.busy++;
    try {
      const json = this.realm.runJson(name, argsJson);
      this.workbook.flush();
      return { ok: true, json };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    } finally {
      this.busy--;
      this.runs++;
      this.refresh();
      this.flushAlerts();
    }
  }

  isBusy(): boolean {
    return this.busy > 0;
  }

  // ---- What the add-on shows: sidebars, dialogs, alerts, toasts ----------------------------------

  /** A UI event of the fakes, as it happens. */
  onUi(event: UiEvent): void {
    if (event.kind === 'sidebar') this.showSidebar(event.detail as FakeHtmlOutput);
    else if (event.kind === 'dialog') this.showDialog(event.detail as FakeHtmlOutput, event.title);
    else if (event.kind === 'alert') this.pendingAlerts.push(event);
  }

  /**
   * What the user clicks in an alert or types in a prompt: Apps Script waits for it, so a button
   * set other than OK is asked at once with the browser's own dialog; an OK alert is shown after
   * the script, in the page.
   */
  answer(event: UiEvent, buttons: string): { button: string; text?: string } {
    const text = [event.title, String(event.detail ?? '')].filter(Boolean).join('\n\n');
    if (event.kind === 'prompt') {
      const typed = window.prompt(text);
      return typed === null ? { button: 'CANCEL', text: '' } : { button: 'OK', text: typed };
    }
    if (buttons === 'OK') return { button: 'OK' };
    this.pendingAlerts = this.pendingAlerts.filter((e) => e !== event);
    const yes = window.confirm(text);
    if (buttons.startsWith('YES')) return { button: yes ? 'YES' : 'NO' };
    return { button: yes ? 'OK' : 'CANCEL' };
  }

  private flushAlerts(): void {
    const alerts = this.pendingAlerts;
    this.pendingAlerts = [];
    for (const event of alerts) this.alert(event.title, String(event.detail ?? ''));
  }

  private showSidebar(output: FakeHtmlOutput): void {
    const panel = document.getElementById('sidebar-panel') as HTMLElement;
    (document.getElementById('sidebar-title') as HTMLElement).textContent = output.getTitle() || 'Sidebar';
    const frame = document.getElementById('sidebar-frame') as HTMLIFrameElement;
    frame.title = output.getTitle() || 'Sidebar';
    frame.srcdoc = withBridge(output.getContent());
    panel.hidden = false;
  }

  private closeSidebar(): void {
    const panel = document.getElementById('sidebar-panel') as HTMLElement;
    panel.hidden = true;
    (document.getElementById('sidebar-frame') as HTMLIFrameElement).srcdoc = '';
  }

  private showDialog(output: FakeHtmlOutput, title: string): void {
    const overlay = el('div', 'overlay');
    const dialog = el('div', 'dialog');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', title);
    const head = el('div', 'dialog-head');
    const close = el('button', '', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => overlay.remove());
    head.append(el('span', '', title), close);
    const frame = el('iframe');
    frame.title = title;
    frame.style.width = `${output.getWidth() || 600}px`;
    frame.style.height = `${output.getHeight() || 400}px`;
    frame.srcdoc = withBridge(output.getContent());
    dialog.append(head, frame);
    overlay.append(dialog);
    (document.getElementById('modal-root') as HTMLElement).append(overlay);
  }

  /** An in-page alert (OK only). */
  alert(title: string, message: string): void {
    void this.confirm(title, message, ['OK']);
  }

  /** A dialog with buttons; resolves with the one clicked (the last is the default). */
  confirm(title: string, message: string, buttons: string[]): Promise<string> {
    return new Promise((resolve) => {
      const overlay = el('div', 'overlay');
      const dialog = el('div', 'dialog');
      dialog.setAttribute('role', 'alertdialog');
      dialog.setAttribute('aria-label', title);
      dialog.style.width = '480px';
      const head = el('div', 'dialog-head');
      head.append(el('span', '', title));
      const body = el('div', 'dialog-body', message);
      const row = el('div', 'dialog-buttons');
      buttons.forEach((label, i) => {
        const button = el('button', i === buttons.length - 1 ? 'primary' : '', label);
        button.type = 'button';
        button.addEventListener('click', () => {
          overlay.remove();
          this.grid.focus();
          resolve(label);
        });
        row.append(button);
      });
      dialog.append(head, body, row);
      overlay.append(dialog);
      (document.getElementById('modal-root') as HTMLElement).append(overlay);
      (row.lastElementChild as HTMLElement).focus();
    });
  }

  toast(message: string, title: string, seconds: number | undefined): void {
    const box = el('div', 'toast');
    box.setAttribute('role', 'status');
    if (title) box.append(el('div', 'title', title));
    box.append(el('div', 'message', message));
    const close = el('button', '', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => box.remove());
    box.append(close);
    (document.getElementById('toasts') as HTMLElement).append(box);
    const timeout = seconds === undefined || seconds === null ? 5 : Number(seconds);
    if (timeout >= 0) setTimeout(() => box.remove(), Math.max(1, timeout) * 1000);
  }

  /** The pages (sidebar, dialogs) call back here through bridge.ts. */
  hostApi() {
    return {
      run: (name: string, argsJson: string) => this.runFromPage(name, argsJson),
      close: (frame: Window) => {
        const sidebar = document.getElementById('sidebar-frame') as HTMLIFrameElement;
        if (sidebar.contentWindow === frame) return this.closeSidebar();
        for (const iframe of Array.from(document.querySelectorAll<HTMLIFrameElement>('#modal-root iframe'))) {
          if (iframe.contentWindow === frame) iframe.closest('.overlay')?.remove();
        }
      },
      resize: (frame: Window, width: number | null, height: number | null) => {
        for (const iframe of Array.from(document.querySelectorAll<HTMLIFrameElement>('#modal-root iframe'))) {
          if (iframe.contentWindow !== frame) continue;
          if (width) iframe.style.width = `${width}px`;
          if (height) iframe.style.height = `${height}px`;
        }
      },
      focusEditor: () => this.grid.focus(),
    };
  }

  // ---- Cards: a cell's error, note or invalid value --------------------------------------------

  private readonly card = document.getElementById('cell-card') as HTMLElement;

  private showCard(card: { kind: 'error' | 'note'; head: string; text: string }, near: HTMLElement | null): void {
    if (!near) return;
    const box = near.getBoundingClientRect();
    const view = this.card;
    view.className = card.kind;
    view.replaceChildren();
    if (card.head) view.append(el('div', 'head', card.head));
    view.append(el('div', 'text', card.text));
    view.style.left = `${Math.min(box.right + 4, window.innerWidth - 370)}px`;
    view.style.top = `${box.top}px`;
    view.hidden = false;
  }

  hoverCard(row: number, col: number, near: HTMLElement): void {
    const card = this.grid.cardFor(row, col);
    if (card) this.showCard(card, near);
    else this.selectionChanged();
  }

  hideCard(): void {
    this.card.hidden = true;
  }

  // ---- The name box, the formula bar, new sheets -----------------------------------------------

  private listen(): void {
    this.nameBox.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const text = this.nameBox.value.trim();
      const bang = text.lastIndexOf('!');
      const sheetName = bang < 0 ? null : text.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
      const sheet = sheetName === null ? this.grid.sheet : this.spreadsheet.getSheetByName(sheetName);
      const sel = parseA1Range(bang < 0 ? text : text.slice(bang + 1));
      if (!sheet || !sel) {
        this.nameBox.value = a1(this.grid.selection);
        return;
      }
      if (sheet !== this.grid.sheet) this.showSheet(sheet, sel);
      else this.grid.select(sel);
      this.grid.focus();
    });
    this.nameBox.addEventListener('focus', () => this.nameBox.select());
    this.formulaBar.addEventListener('input', () => this.grid.setEditorText(this.formulaBar.value));
    this.formulaBar.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        if (this.grid.isEditing()) void this.grid.commitEdit('down');
        else this.grid.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.grid.cancelEdit();
      }
    });
    (document.getElementById('add-sheet') as HTMLElement).addEventListener('click', () => {
      const sheet = this.spreadsheet.insertSheet();
      this.showSheet(sheet);
    });
    (document.getElementById('sidebar-close') as HTMLElement).addEventListener('click', () => this.closeSidebar());
  }

  /** "'Kling budget'!A1" for a sheet and a cell. */
  static reference(sheet: FakeSheet, row: number, col: number): string {
    return `${quoteSheetName(sheet.getName())}!${a1({ r1: row, c1: col, r2: row, c2: col })}`;
  }
}
