import type { Billing, Mode, Model, PricingEngine, ShotLine, Workload } from '../pricing';
import { InputError, MAX_LINES, parseBilling, parseCount, toNumber } from '../pricing';
import { h, replaceChildren } from './dom';
import { count as countText } from './format';

/**
 * The inputs of the sidebar: rows of work, billing and retake rate. The form keeps what the
 * user typed; `read()` turns it into a Workload or a list of problems, each tied to its input.
 */

export interface RowInput {
  mode: Mode;
  secs: number;
  audio: boolean;
  /** As typed. */
  count: string;
  model: Model;
}

export interface FormState {
  rows: RowInput[];
  billing: Billing;
  /** Percent, as typed. */
  retake: string;
}

export const DEFAULT_ROW: Readonly<RowInput> = { mode: 'professional', secs: 10, audio: true, count: '20', model: '2.6' };

export function defaultState(): FormState {
  return { rows: [{ ...DEFAULT_ROW }], billing: 'monthly', retake: '20' };
}

const MODE_LABELS: readonly (readonly [Mode, string])[] = [
  ['standard', 'Standard'],
  ['professional', 'Professional'],
  ['4k', '4K (3.0 only)'],
];
const MODEL_LABELS: readonly (readonly [Model, string])[] = [
  ['2.6', 'Kling 2.6'],
  ['3.0', 'Kling 3.0 (est.)'],
];
const RESOLUTION: Readonly<Record<Mode, string>> = { standard: '720p', professional: '1080p', '4k': '4K' };

export const BILLING_LABELS: readonly (readonly [Billing, string])[] = [
  ['monthly', 'Monthly renewal'],
  ['intro', 'First month'],
  ['annual', 'Annual (yearly price / 12)'],
  ['list', 'List price'],
];

export function secondsFor(model: Model): number[] {
  return model === '2.6' ? [5, 10] : Array.from({ length: 13 }, (_, i) => i + 3);
}

export interface Problem {
  /** id of the input the problem belongs to. */
  readonly input: string;
  readonly message: string;
}

export type ReadResult =
  | { readonly workload: Workload; readonly problems: readonly [] }
  | { readonly workload: null; readonly problems: readonly Problem[] };

export const ids = {
  mode: (i: number) => `row${i}-mode`,
  secs: (i: number) => `row${i}-secs`,
  audio: (i: number) => `row${i}-audio`,
  count: (i: number) => `row${i}-count`,
  model: (i: number) => `row${i}-model`,
  error: (i: number) => `row${i}-error`,
  credits: (i: number) => `row${i}-credits`,
};

/** The form's values as a workload, or every problem found. */
export function readForm(state: FormState, engine: PricingEngine): ReadResult {
  const problems: Problem[] = [];
  const lines: ShotLine[] = [];
  const attempt = <T>(input: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ input, message: error.message });
      return undefined;
    }
  };
  state.rows.forEach((row, i) => {
    const count = attempt(ids.count(i), () => parseCount(row.count, 'videos per month'));
    if (count === undefined) return;
    const line: ShotLine = { mode: row.mode, secs: row.secs, audio: row.audio, count, model: row.model };
    if (attempt(ids.mode(i), () => engine.clipCredits(line)) !== undefined) lines.push(line);
  });
  const billing = parseBilling(state.billing);
  const retakeRate = attempt('retake', () => parseRetakePercent(state.retake));
  if (problems.length > 0 || retakeRate === undefined) return { workload: null, problems };
  return { workload: { lines, billing, retakeRate }, problems: [] };
}

export const RETAKE_PERCENT_CHOICES = 'a percentage from 0 up to but not including 100, such as 20';

/** The retake rate typed in percent ("20" is 0.2); blank is 0. */
export function parseRetakePercent(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  const percent = toNumber(trimmed);
  if (percent === undefined || !(percent >= 0 && percent < 100)) throw new InputError(`retake rate must be ${RETAKE_PERCENT_CHOICES}`);
  return percent / 100;
}

export interface FormHandlers {
  /** Any value changed: recompute. */
  changed(): void;
  /** Rows were added or removed: rebuild the rows. */
  restructured(): void;
}

function select<T extends string | number>(
  id: string,
  options: readonly (readonly [T, string])[],
  value: T,
  disabled: (v: T) => boolean = () => false,
): HTMLSelectElement {
  const el = h('select', { id });
  for (const [v, label] of options) {
    const option = h('option', { attrs: { value: String(v) } }, label);
    option.selected = v === value;
    option.disabled = disabled(v) && v !== value;
    el.appendChild(option);
  }
  return el;
}

function field(id: string, label: string, control: HTMLElement, extraClass = ''): HTMLElement {
  return h('div', { class: `field ${extraClass}`.trim() }, h('label', { attrs: { for: id } }, label), control);
}

/** Builds the rows of work into `container`. */
export function renderRows(container: HTMLElement, state: FormState, engine: PricingEngine, handlers: FormHandlers): void {
  const nodes = state.rows.map((row, i) => {
    const modeSelect = select(ids.mode(i), MODE_LABELS, row.mode, (m) => m === '4k' && row.model === '2.6');
    const secsSelect = select(
      ids.secs(i),
      secondsFor(row.model).map((s) => [s, `${s} s`] as const),
      row.secs,
    );
    const audio = h('input', { id: ids.audio(i), attrs: { type: 'checkbox' } });
    audio.checked = row.audio;
    const countInput = h('input', {
      id: ids.count(i),
      attrs: { type: 'number', min: '0', max: '1000000', step: '1', inputmode: 'numeric', 'aria-describedby': ids.error(i) },
    });
    countInput.value = row.count;
    const modelSelect = select(ids.model(i), MODEL_LABELS, row.model);

    modeSelect.addEventListener('change', () => {
      row.mode = modeSelect.value as Mode;
      handlers.changed();
    });
    secsSelect.addEventListener('change', () => {
      row.secs = Number(secsSelect.value);
      handlers.changed();
    });
    audio.addEventListener('change', () => {
      row.audio = audio.checked;
      handlers.changed();
    });
    countInput.addEventListener('input', () => {
      row.count = countInput.value;
      handlers.changed();
    });
    modelSelect.addEventListener('change', () => {
      row.model = modelSelect.value as Model;
      const allowed = secondsFor(row.model);
      if (!allowed.includes(row.secs)) row.secs = allowed.reduce((a, b) => (Math.abs(b - row.secs) < Math.abs(a - row.secs) ? b : a));
      if (row.mode === '4k' && row.model === '2.6') row.mode = 'professional';
      // The seconds and mode choices depend on the model: rebuild this row's controls.
      handlers.restructured();
      document.getElementById(ids.model(i))?.focus();
    });

    const remove = h('button', { class: 'link', attrs: { type: 'button', 'aria-label': `Remove row ${i + 1}` } }, 'Remove');
    remove.disabled = state.rows.length === 1;
    remove.addEventListener('click', () => {
      state.rows.splice(i, 1);
      handlers.restructured();
      document.getElementById(ids.mode(Math.max(0, i - 1)))?.focus();
    });

    return h(
      'fieldset',
      { class: 'row' },
      h('legend', {}, `Row ${i + 1}`),
      h(
        'div',
        { class: 'grid' },
        field(ids.mode(i), 'Mode', modeSelect),
        field(ids.secs(i), 'Seconds', secsSelect),
        field(ids.count(i), 'Videos per month', countInput),
        field(ids.model(i), 'Model', modelSelect),
      ),
      h('div', { class: 'inline' }, audio, h('label', { attrs: { for: ids.audio(i) } }, 'Native audio')),
      h('p', { class: 'secondary credits', id: ids.credits(i) }, creditsHint(row, engine)),
      h('p', { class: 'error', id: ids.error(i), attrs: { 'aria-live': 'polite' } }),
      h('div', { class: 'row-actions' }, remove),
    );
  });
  replaceChildren(container, ...nodes);
}

/** "200 credits per clip", with "estimate" for Kling 3.0. */
export function creditsHint(row: RowInput, engine: PricingEngine): string {
  try {
    const credits = engine.clipCredits({ ...row });
    return `${RESOLUTION[row.mode]}: ${countText(credits)} credits per clip${row.model === '3.0' ? ' (estimate)' : ''}`;
  } catch (error) {
    if (error instanceof InputError) return '';
    throw error;
  }
}

export function canAddRow(state: FormState): boolean {
  return state.rows.length < MAX_LINES;
}
