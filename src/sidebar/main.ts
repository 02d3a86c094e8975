import type { Billing, Comparison, PriceBook, Workload } from '../pricing';
import { billingName, budgetRange, compareWorkload, defaultPriceBook, InputError, PricingEngine, priceAgeText } from '../pricing';
import { byId, h, replaceChildren } from './dom';
import type { FormState } from './form';
import { BILLING_LABELS, canAddRow, defaultState, fitRow, ids, newRow, readForm, rowFromSelection } from './form';
import { renderAnswer, renderChart, renderOptions, renderSummary } from './results';
import { creditsHint, renderRows } from './rows';
import { callServer, serverAvailable } from './server';

/**
 * The "Compare plans" sidebar. It answers first: the cheapest channel for 12 months of the work,
 * every other channel, the range and the age of the prices; the form follows, then one month on
 * its own. Every figure shown is the pricing core's (compareWorkload, budgetRange), computed
 * here in the browser on each input: no server call while editing. The server is called only to
 * get the price book in force, read the selected cells, and insert the comparison into a new
 * sheet (src/contract/sidebar.ts).
 */

let engine = new PricingEngine(defaultPriceBook());
const state: FormState = defaultState(engine);
let current: Comparison | null = null;
/** False when the page runs outside the add-on: reading and inserting need the server. */
const connected = serverAvailable();

const rowsEl = byId<HTMLDivElement>('rows');
const imagesEl = byId<HTMLInputElement>('images');
const billingEl = byId<HTMLSelectElement>('billing');
const retakeEl = byId<HTMLInputElement>('retake');
const retakeReadBack = byId<HTMLParagraphElement>('retake-readback');
const answerEl = byId<HTMLDivElement>('answer');
const answerNote = byId<HTMLParagraphElement>('answer-note');
const monthEl = byId<HTMLDivElement>('month');
const monthHeading = byId<HTMLHeadingElement>('month-heading');
const summaryEl = byId<HTMLDivElement>('summary');
const optionsHeading = byId<HTMLHeadingElement>('options-heading');
const optionsEl = byId<HTMLUListElement>('options');
const chartEl = byId<HTMLElement>('chart');
const resultsNote = byId<HTMLParagraphElement>('results-note');
const insertButton = byId<HTMLButtonElement>('insert');
const fillButton = byId<HTMLButtonElement>('fill');
const addButton = byId<HTMLButtonElement>('add-row');
const statusEl = byId<HTMLDivElement>('status');
const errorEl = byId<HTMLDivElement>('error');
const fillProblems = byId<HTMLDivElement>('fill-problems');
const bookNote = byId<HTMLParagraphElement>('book-note');

/** Today in the browser's local time, YYYY-MM-DD: how old the prices are is counted from it. */
function localToday(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The range line of the work: 12 equal months, cheapest billing, low 10 % / 0.2 and high 35 % / 1, no contingency. */
function rangeOf(workload: Workload): string {
  try {
    const { lines, images, retakeRate } = workload;
    return budgetRange(engine, { lines, images, billing: 'cheapest', retakeRate }, { contingency: 0 }).line;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return `No range: ${error.message}`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function setStatus(text: string): void {
  statusEl.textContent = text;
  errorEl.textContent = '';
}

function setError(text: string): void {
  errorEl.textContent = capitalize(text);
  statusEl.textContent = '';
}

/** Builds the rows again; the focus goes to `focus`, or stays on the control that had it. */
function rebuild(focus?: string): void {
  const had = focus ?? document.activeElement?.id;
  renderRows(rowsEl, state, engine, { changed: recompute, restructured: rebuild });
  addButton.disabled = !canAddRow(state);
  setText('images-help', `${engine.book.images.creditsPerImage} credits an image, from the same credits as the videos.`);
  recompute();
  if (had) document.getElementById(had)?.focus();
}

function setText(id: string, text: string): void {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
}

function recompute(): void {
  for (const el of Array.from(document.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  for (const id of [...state.rows.map((_, i) => ids.error(i)), 'images-error', 'retake-error']) setText(id, '');

  const read = readForm(state, engine);
  retakeReadBack.textContent = read.retakeRate ? read.retakeRate.readBack : '';
  retakeReadBack.classList.toggle('warn', !!read.retakeRate?.warn);
  for (const problem of read.problems) {
    document.getElementById(problem.input)?.setAttribute('aria-invalid', 'true');
    const at = /^row(\d+)-/.exec(problem.input);
    const target = document.getElementById(at ? ids.error(Number(at[1])) : `${problem.input}-error`);
    if (target) target.textContent = `${target.textContent ? `${target.textContent} ` : ''}${capitalize(problem.message)}.`;
  }
  current = null;
  let note = '';
  if (read.workload) {
    try {
      current = compareWorkload(engine, read.workload);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      note = `${capitalize(error.message)}.`;
    }
  } else {
    note = 'Fix the marked inputs to see the comparison.';
  }
  const c = current;
  state.rows.forEach((row, i) => {
    const line = c && (read.lineOf[i] ?? -1) >= 0 ? (c.lines[read.lineOf[i] as number] ?? null) : null;
    setText(ids.credits(i), creditsHint(engine, row, line));
  });
  answerNote.textContent = note;
  resultsNote.textContent = note;
  answerEl.hidden = c === null;
  monthEl.hidden = c === null;
  insertButton.disabled = !connected || c === null;
  if (!c) return;
  renderAnswer(answerEl, c, { range: rangeOf(c.workload), age: priceAgeText(c.asOf, localToday()) });
  replaceChildren(monthHeading, `One month on its own, ${billingName(c.workload.billing)}`);
  renderSummary(summaryEl, c);
  optionsHeading.hidden = c.options.length === 0;
  chartEl.hidden = c.options.length === 0;
  renderOptions(optionsHeading, optionsEl, c);
  renderChart(chartEl, c);
}

async function fillFromSelection(): Promise<void> {
  replaceChildren(fillProblems);
  fillButton.disabled = true;
  setStatus('Reading the selected cells...');
  try {
    const result = await callServer('sidebarReadSelection');
    if (result.problems.length > 0) {
      setStatus('');
      replaceChildren(
        fillProblems,
        h('p', {}, `Nothing was filled: fix these cells of ${result.range} and try again.`),
        h('ul', {}, ...result.problems.map((p) => h('li', {}, h('strong', {}, p.cell), `: ${p.message}`))),
      );
      return;
    }
    state.rows = result.rows.map((r) => fitRow(engine, rowFromSelection(r)));
    rebuild();
    const n = result.rows.length;
    const blank = result.rows.filter((r) => r.count === null).length;
    setStatus(
      `Filled ${n} ${n === 1 ? 'row' : 'rows'} from ${result.range}${result.header ? ', columns found by their header' : ''}.${
        blank > 0 ? ` ${blank} with blank videos ${blank === 1 ? 'counts' : 'count'} as nothing.` : ''
      }`,
    );
  } catch (error) {
    setError(error instanceof Error ? error.message : String(error));
  } finally {
    fillButton.disabled = false;
  }
}

async function insertIntoSheet(): Promise<void> {
  const read = readForm(state, engine);
  if (!read.workload) {
    setError('Fix the marked inputs first.');
    return;
  }
  const { billing, retakeRate, images } = read.workload;
  insertButton.disabled = true;
  setStatus('Inserting...');
  try {
    const inserted = await callServer('sidebarInsertComparison', { rows: read.rows, billing, retakeRate, images });
    setStatus(`Inserted the comparison into the new sheet "${inserted.sheetName}".`);
  } catch (error) {
    setError(error instanceof Error ? error.message : String(error));
  } finally {
    insertButton.disabled = !connected || current === null;
  }
}

/** Takes the server's price book when the core can work with it; else keeps the built-in one. */
function useBook(book: PriceBook): boolean {
  try {
    const candidate = new PricingEngine(book);
    if (candidate.models.all().length === 0 || candidate.paidPlans().length === 0) return false;
    engine = candidate;
    state.rows = state.rows.map((row) => fitRow(engine, row));
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
  billingEl.addEventListener('change', () => {
    state.billing = billingEl.value as Billing;
    recompute();
  });
  retakeEl.addEventListener('input', () => {
    state.retakeRate = retakeEl.value;
    recompute();
  });
  imagesEl.addEventListener('input', () => {
    state.images = imagesEl.value;
    recompute();
  });
  addButton.addEventListener('click', () => {
    if (!canAddRow(state)) return;
    state.rows.push(newRow(engine));
    rebuild(ids.model(state.rows.length - 1));
  });
  fillButton.addEventListener('click', () => void fillFromSelection());
  insertButton.addEventListener('click', () => void insertIntoSheet());
  rebuild();

  const builtIn = `the built-in price book (as of ${engine.book.asOf})`;
  if (!connected) {
    bookNote.textContent = `Prices: ${builtIn}. Not connected to a spreadsheet: Fill from selection and Insert need the add-on.`;
    fillButton.disabled = true;
    return;
  }
  bookNote.textContent = `Prices: ${builtIn}, until the add-on sends the prices in force.`;
  callServer('sidebarInit')
    .then((start) => {
      if (useBook(start.book)) {
        bookNote.textContent = `Prices: ${start.source}.`;
        bookNote.classList.toggle('edited', start.edited);
        rebuild();
      } else {
        bookNote.textContent = `Prices: ${builtIn}. The add-on's price book could not be used.`;
      }
    })
    .catch((error: unknown) => {
      bookNote.textContent = `Prices: ${builtIn}, not your edited prices.`;
      setError(error instanceof Error ? error.message : String(error));
    });
}

start();
