import { rowChoices, soldBy } from '../contract/comparisonView';
import type { AudioOption, LineFigures, Mode, PricingEngine } from '../pricing';
import { clipOptions, formatThousands, shortModelName } from '../pricing';
import { h, replaceChildren } from './dom';
import type { FormState, RowInput } from './form';
import { AUDIO_LABELS, fitRow, ids, MODE_LABELS, rowModels } from './form';
import { percent } from './format';

/**
 * The rows of work as controls. Every choice a row offers comes from its model's rows of the
 * price book in force: every model of the book, and for each its modes, lengths and audio (what
 * the app makes, or, for a model without app credits, what the channels that sell it make).
 */

export interface RowHandlers {
  /** A value changed: recompute. */
  changed(): void;
  /** The rows or their choices changed: rebuild them, then put the focus on `focus` (an id). */
  restructured(focus?: string): void;
}

function select(id: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  const el = h('select', { id });
  for (const [v, label] of options) {
    const option = h('option', { attrs: { value: v } }, label);
    option.selected = v === value;
    el.appendChild(option);
  }
  return el;
}

function field(id: string, label: string, control: HTMLElement, wide = false): HTMLElement {
  return h('div', { class: wide ? 'field wide' : 'field' }, h('label', { attrs: { for: id } }, label), control);
}

function textInput(id: string, value: string, placeholder: string, describedBy: string): HTMLInputElement {
  const input = h('input', {
    id,
    attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder, 'aria-describedby': describedBy },
  });
  input.value = value;
  return input;
}

export function renderRows(container: HTMLElement, state: FormState, engine: PricingEngine, handlers: RowHandlers): void {
  const models = rowModels(engine).map((m) => [m.name, m.app ? m.name : `${m.name} (no app credits)`] as const);
  const nodes = state.rows.map((row, i) => {
    const found = engine.models.find(row.model);
    const o = found ? rowChoices(found) : null;
    const modes = (o?.modes ?? [row.mode]).map((m) => [m, MODE_LABELS[m]] as const);
    const lengths = (o ? o.lengths(row.mode) : [row.secs]).map((s) => [String(s), `${s} s`] as const);
    const audios = (o ? o.audio(row.mode, row.secs) : [row.audio]).map((a) => [a, AUDIO_LABELS[a]] as const);
    const modelSelect = select(ids.model(i), models, row.model);
    const modeSelect = select(ids.mode(i), modes, row.mode);
    const secsSelect = select(ids.secs(i), lengths, String(row.secs));
    const audioSelect = select(ids.audio(i), audios, row.audio);
    const describedBy = `${ids.credits(i)} ${ids.error(i)}`;
    const countInput = textInput(ids.count(i), row.count, 'blank: none', describedBy);
    const takesInput = textInput(ids.testTakes(i), row.testTakes, '0', `${describedBy} takes-help`);

    const refit = (patch: Partial<RowInput>, focus: string) => {
      state.rows[i] = fitRow(engine, { ...row, ...patch });
      handlers.restructured(focus);
    };
    modelSelect.addEventListener('change', () => refit({ model: modelSelect.value }, ids.model(i)));
    modeSelect.addEventListener('change', () => refit({ mode: modeSelect.value as Mode }, ids.mode(i)));
    secsSelect.addEventListener('change', () => refit({ secs: Number(secsSelect.value) }, ids.secs(i)));
    audioSelect.addEventListener('change', () => {
      row.audio = audioSelect.value as AudioOption;
      handlers.changed();
    });
    countInput.addEventListener('input', () => {
      row.count = countInput.value;
      handlers.changed();
    });
    takesInput.addEventListener('input', () => {
      row.testTakes = takesInput.value;
      handlers.changed();
    });

    const remove = h('button', { class: 'link', attrs: { type: 'button', 'aria-label': `Remove row ${i + 1}` } }, 'Remove');
    remove.disabled = state.rows.length === 1;
    remove.addEventListener('click', () => {
      state.rows.splice(i, 1);
      handlers.restructured(ids.model(Math.max(0, i - 1)));
    });
    let own: HTMLElement | null = null;
    if (row.retakeRate !== null) {
      const drop = h(
        'button',
        { class: 'link', attrs: { type: 'button', 'aria-label': `Use the common retake rate in row ${i + 1}` } },
        'Use the common rate',
      );
      drop.addEventListener('click', () => {
        row.retakeRate = null;
        handlers.restructured(ids.count(i));
      });
      own = h('p', { class: 'own-rate small' }, `Own retake rate from the shot list: ${percent(row.retakeRate)}. `, drop);
    }

    return h(
      'fieldset',
      { class: 'row' },
      h('legend', {}, `Row ${i + 1}`),
      h(
        'div',
        { class: 'grid' },
        field(ids.model(i), 'Model', modelSelect, true),
        field(ids.mode(i), 'Mode', modeSelect),
        field(ids.secs(i), 'Seconds', secsSelect),
        field(ids.audio(i), 'Audio', audioSelect),
        field(ids.count(i), 'Videos per month', countInput),
        field(ids.testTakes(i), 'Test takes per video', takesInput),
      ),
      own,
      h('p', { class: 'secondary credits', id: ids.credits(i) }),
      h('p', { class: 'error', id: ids.error(i), attrs: { 'aria-live': 'polite' } }),
      h('div', { class: 'row-actions' }, remove),
    );
  });
  replaceChildren(container, ...nodes);
}

/**
 * "200 credits a clip; 4,000 a month before retakes": a row's credits, from the core; for a model
 * without app credits, where it is sold (its one-month figures are n/a, its channels are compared).
 */
export function creditsHint(engine: PricingEngine, row: RowInput, line: LineFigures | null): string {
  const model = engine.models.find(row.model);
  if (!model) return '';
  if (!model.app) {
    const where = soldBy(model);
    return `No app credits in the price book${where ? `: sold by ${where}, compared above` : ''}`;
  }
  let perClip: number;
  try {
    perClip = engine.clipCredits(row);
  } catch {
    return '';
  }
  const per = clipOptions(model.app).per === 'second' ? ` (${shortModelName(model.name)} is priced per second)` : '';
  const month =
    line && line.credits !== null
      ? `; ${formatThousands(line.credits)} a month before retakes`
      : line
        ? ''
        : '; videos blank: counts as nothing';
  return `${formatThousands(perClip)} credits a clip${per}${month}${line?.estimate ? ' (estimate)' : ''}`;
}
