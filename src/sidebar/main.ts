import type { Billing, Comparison, PriceBook, ShotLine } from '../pricing';
import { compareWorkload, DEFAULT_PRICE_BOOK, InputError, PricingEngine } from '../pricing';
import { byId, h, replaceChildren } from './dom';
import type { FormState } from './form';
import { BILLING_LABELS, canAddRow, creditsHint, DEFAULT_ROW, defaultState, ids, readForm, renderRows } from './form';
import { renderChart, renderSummary, renderTable } from './results';
import { callServer, serverAvailable } from './server';

/**
 * The "Compare plans" sidebar. Everything shown is computed here, in the browser, with the same
 * pricing module as the custom functions: no server call on input. The server is called only to
 * load the price book, read the selected cells, and insert the comparison into a new sheet.
 */

interface SelectionRows {
  range: string;
  header: boolean;
  rows: ShotLine[];
  problems: { cell: string; message: string }[];
}

interface Inserted {
  sheetName: string;
  range: string;
}

let engine = new PricingEngine(DEFAULT_PRICE_BOOK);
const state: FormState = defaultState();
let current: Comparison | null = null;
/** False when the page runs outside the add-on: reading and inserting need the server. */
const connected = serverAvailable();

const rowsEl = byId<HTMLDivElement>('rows');
const billingEl = byId<HTMLSelectElement>('billing');
const retakeEl = byId<HTMLInputElement>('retake');
const retakeError = byId<HTMLParagraphElement>('retake-error');
const summaryEl = byId<HTMLDivElement>('summary');
const tableEl = byId<HTMLElement>('table-wrap');
const chartEl = byId<HTMLElement>('chart');
const resultsNote = byId<HTMLParagraphElement>('results-note');
const insertButton = byId<HTMLButtonElement>('insert');
const fillButton = byId<HTMLButtonElement>('fill');
const addButton = byId<HTMLButtonElement>('add-row');
const statusEl = byId<HTMLDivElement>('status');
const errorEl = byId<HTMLDivElement>('error');
const fillProblems = byId<HTMLDivElement>('fill-problems');
const bookNote = byId<HTMLParagraphElement>('book-note');

function setStatus(text: string): void {
  statusEl.textContent = text;
  errorEl.textContent = '';
}

function setError(text: string): void {
  errorEl.textContent = text;
  statusEl.textContent = '';
}

function rebuild(): void {
  renderRows(rowsEl, state, engine, { changed: recompute, restructured: rebuild });
  addButton.disabled = !canAddRow(state);
  recompute();
}

function markInvalid(id: string, message: string | null): void {
  const input = document.getElementById(id);
  if (!input) return;
  if (message === null) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
}

function recompute(): void {
  // Clear the previous problems.
  state.rows.forEach((row, i) => {
    for (const id of [ids.mode(i), ids.count(i)]) markInvalid(id, null);
    const error = document.getElementById(ids.error(i));
    if (error) error.textContent = '';
    const hint = document.getElementById(ids.credits(i));
    if (hint) hint.textContent = creditsHint(row, engine);
  });
  markInvalid('retake', null);
  retakeError.textContent = '';

  const read = readForm(state, engine);
  if (read.workload === null) {
    for (const problem of read.problems) {
      markInvalid(problem.input, problem.message);
      const at = /^row(\d+)-/.exec(problem.input);
      const target = at ? document.getElementById(ids.error(Number(at[1]))) : retakeError;
      if (target) target.textContent = target.textContent ? `${target.textContent} ${problem.message}` : capitalize(problem.message);
    }
    showNoResults('Fix the marked inputs to see the comparison.');
    return;
  }
  try {
    current = compareWorkload(engine, read.workload);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    showNoResults(capitalize(error.message));
    return;
  }
  renderSummary(summaryEl, current);
  renderTable(tableEl, current);
  renderChart(chartEl, current);
  tableEl.hidden = false;
  chartEl.hidden = false;
  resultsNote.textContent = '';
  insertButton.disabled = !connected;
}

function showNoResults(message: string): void {
  current = null;
  replaceChildren(summaryEl);
  replaceChildren(tableEl);
  replaceChildren(chartEl);
  tableEl.hidden = true;
  chartEl.hidden = true;
  resultsNote.textContent = message;
  insertButton.disabled = true;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function fillFromSelection(): Promise<void> {
  replaceChildren(fillProblems);
  fillButton.disabled = true;
  setStatus('Reading the selected cells...');
  try {
    const result = await callServer<SelectionRows>('sidebarReadSelection');
    if (result.problems.length > 0) {
      setStatus('');
      replaceChildren(
        fillProblems,
        h('p', {}, `Nothing was filled: fix these cells of ${result.range} and try again.`),
        h('ul', {}, ...result.problems.map((p) => h('li', {}, h('strong', {}, p.cell), `: ${p.message}`))),
      );
      return;
    }
    state.rows = result.rows.map((r) => ({ mode: r.mode, secs: r.secs, audio: r.audio, count: String(r.count), model: r.model }));
    rebuild();
    setStatus(
      `Filled ${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'} from ${result.range}${result.header ? ' (header row skipped)' : ''}.`,
    );
  } catch (error) {
    setError(error instanceof Error ? error.message : String(error));
  } finally {
    fillButton.disabled = false;
  }
}

async function insertIntoSheet(): Promise<void> {
  const read = readForm(state, engine);
  if (read.workload === null) {
    setError('Fix the marked inputs first.');
    return;
  }
  const { lines, billing, retakeRate } = read.workload;
  const payload = { rows: lines.map(({ mode, secs, audio, count, model }) => ({ mode, secs, audio, count, model })), billing, retakeRate };
  insertButton.disabled = true;
  setStatus('Inserting...');
  try {
    const inserted = await callServer<Inserted>('sidebarInsertComparison', payload);
    setStatus(`Inserted the comparison into the new sheet "${inserted.sheetName}".`);
  } catch (error) {
    setError(error instanceof Error ? error.message : String(error));
  } finally {
    insertButton.disabled = !connected || current === null;
  }
}

/** Takes the server's price book when it prices the default work; else keeps the built-in one. */
function useBook(book: PriceBook): boolean {
  try {
    const candidate = new PricingEngine(book);
    compareWorkload(candidate, { lines: [{ ...DEFAULT_ROW, count: 1 }], billing: 'monthly', retakeRate: 0 });
    engine = candidate;
    return true;
  } catch {
    return false;
  }
}

function start(): void {
  for (const [value, label] of BILLING_LABELS) {
    const option = h('option', { attrs: { value } }, label);
    option.selected = value === state.billing;
    billingEl.appendChild(option);
  }
  retakeEl.value = state.retake;
  billingEl.addEventListener('change', () => {
    state.billing = billingEl.value as Billing;
    recompute();
  });
  retakeEl.addEventListener('input', () => {
    state.retake = retakeEl.value;
    recompute();
  });
  addButton.addEventListener('click', () => {
    if (!canAddRow(state)) return;
    state.rows.push({ ...DEFAULT_ROW });
    rebuild();
    document.getElementById(ids.mode(state.rows.length - 1))?.focus();
  });
  fillButton.addEventListener('click', () => void fillFromSelection());
  insertButton.addEventListener('click', () => void insertIntoSheet());
  rebuild();

  const offline = `Built-in price book as of ${engine.book.asOf}.`;
  if (!connected) {
    bookNote.textContent = `${offline} Not connected to a spreadsheet: Fill and Insert need the add-on.`;
    fillButton.disabled = true;
    return;
  }
  bookNote.textContent = offline;
  callServer<{ book: PriceBook; source?: string }>('sidebarInit')
    .then((start) => {
      if (start && useBook(start.book)) {
        bookNote.textContent = start.source ? `Prices: ${start.source}.` : `Price book as of ${engine.book.asOf}.`;
        rebuild();
      } else {
        bookNote.textContent = `${offline} The add-on's price book could not be read.`;
      }
    })
    .catch((error: unknown) => {
      bookNote.textContent = `${offline} (${error instanceof Error ? error.message : String(error)})`;
    });
}

start();
