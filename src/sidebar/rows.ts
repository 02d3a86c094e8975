import type { AudioOption, Mode, PricingEngine } from '../pricing';
import { clipOptions, formatThousands, shortModelName } from '../pricing';
import { h, replaceChildren } from './dom';
import type { FormState, RowInput } from './form';
import { AUDIO_LABELS, appModels, fitRow, ids, MODE_LABELS, optionsOf } from './form';
import { percent } from './format';

/**
 * The rows of work as controls. Every choice a row offers comes from its model's rows of the
 * price book in force (clipOptions): models with app credits, their modes, lengths and audio.
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

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control);
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
  const models = appModels(engine).map((m) => [m.name, m.name] as const);
  const nodes = state.rows.map((row, i) => {
    const o = optionsOf(engine, row.model);
    const modes = (o?.modes ?? [row.mode]).map((m) => [m, MODE_LABELS[m]] as const);
    const lengths = (o?.lengths ?? [row.secs]).map((s) => [String(s), `${s} s`] as const);
    const audios = (o?.audio[row.mode] ?? [row.audio]).map((a) => [a, AUDIO_LABELS[a]] as const);
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
    secsSelect.addEventListener('change', () => {
      row.secs = Number(secsSelect.value);
      handlers.changed();
    });
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
    if (row.buffer !== null) {
      const drop = h(
        'button',
        { class: 'link', attrs: { type: 'button', 'aria-label': `Use the common buffer in row ${i + 1}` } },
        'Use the common buffer',
      );
      drop.addEventListener('click', () => {
        row.buffer = null;
        handlers.restructured(ids.count(i));
      });
      own = h('p', { class: 'own-buffer small' }, `Own buffer from the shot list: ${percent(row.buffer)}. `, drop);
    }

    return h(
      'fieldset',
      { class: 'row' },
      h('legend', {}, `Row ${i + 1}`),
      h(
        'div',
        { class: 'grid' },
        field(ids.model(i), 'Model', modelSelect),
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

/** "200 credits a clip; 4,000 a month before the buffer": a row's credits, from the core. */
export function creditsHint(engine: PricingEngine, row: RowInput, line: { credits: number; estimate: boolean } | null): string {
  let perClip: number;
  try {
    perClip = engine.clipCredits(row);
  } catch {
    return '';
  }
  const model = engine.models.find(row.model);
  const per = model?.app && clipOptions(model.app).per === 'second' ? ` (${shortModelName(model.name)} is priced per second)` : '';
  const month = line ? `; ${formatThousands(line.credits)} a month before the buffer` : '; videos blank: counts as nothing';
  return `${formatThousands(perClip)} credits a clip${per}${month}${line?.estimate ? ' (estimate)' : ''}`;
}
