import type { Comparison, OptionFigures } from '../pricing';
import { billingName } from '../pricing';
import type { Child } from './dom';
import { h, replaceChildren } from './dom';
import { count, percent, spare, usd } from './format';

/** The comparison as the sidebar shows it: a summary, a real table, a bar chart, the API price. */

function estimateBadge(show: boolean): Child {
  return show ? h('span', { class: 'badge estimate' }, 'estimate') : null;
}

function summaryItem(label: string, figure: string, ...value: Child[]): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', { attrs: { 'data-figure': figure } }, ...value));
}

export function renderSummary(target: HTMLElement, c: Comparison): void {
  const best = c.cheapest;
  const retakes = c.workload.retakeRate;
  const items: HTMLElement[] = [
    summaryItem(
      'Credits needed a month',
      'credits-needed',
      count(c.creditsNeeded),
      estimateBadge(c.estimate),
      h('span', { class: 'detail' }, `${count(c.credits)} + ${percent(retakes)} retakes`),
    ),
    summaryItem('Videos delivered a month', 'videos', count(c.videos)),
  ];
  if (best) {
    items.push(
      summaryItem('Cheapest option', 'cheapest', best.label),
      summaryItem(
        'Monthly cost',
        'cheapest-monthly',
        usd(best.monthlyCost),
        estimateBadge(c.estimate),
        h('span', { class: 'detail' }, billingName(c.workload.billing)),
      ),
      summaryItem(
        'Per delivered video',
        'cheapest-per-video',
        best.costPerVideo === null ? 'no videos' : usd(best.costPerVideo),
        estimateBadge(c.estimate),
      ),
    );
  }
  if ('problem' in c.api) {
    items.push(summaryItem('Kling API, same work', 'api', h('span', { class: 'detail' }, c.api.problem)));
  } else {
    items.push(
      summaryItem(
        'Kling API, same work',
        'api',
        `${usd(c.api.monthlyCost)} a month`,
        h(
          'span',
          { class: 'detail' },
          c.api.costPerVideo === null ? 'official API rates' : `${usd(c.api.costPerVideo)} per video, official API rates`,
        ),
      ),
    );
  }
  replaceChildren(target, h('dl', { class: 'summary' }, ...items));
}

const COLUMNS = [
  'Option',
  'Monthly',
  'Per video',
  'Spare or missing credits',
  'Credits included',
  'Videos delivered',
  'Yearly',
  'Annual billing saves',
];

function optionRow(o: OptionFigures): HTMLTableRowElement {
  const cls = [o.cheapest ? 'cheapest' : '', o.covers ? '' : 'short'].filter(Boolean).join(' ');
  const cell = (name: string, text: string) => h('td', { attrs: { 'data-col': name } }, text);
  return h(
    'tr',
    { class: cls, attrs: { 'data-option': o.label } },
    h(
      'th',
      { attrs: { scope: 'row' } },
      o.label,
      o.cheapest ? h('span', { class: 'badge best' }, 'Cheapest') : null,
      o.covers ? null : h('span', { class: 'badge short' }, 'does not cover'),
    ),
    cell('monthly', usd(o.monthlyCost)),
    cell('per-video', o.costPerVideo === null ? '-' : usd(o.costPerVideo)),
    cell('spare', spare(o.spare)),
    cell('credits', count(o.creditsIncluded)),
    cell('videos', count(o.videosDelivered)),
    cell('yearly', usd(o.yearCost)),
    cell('saving', usd(o.annualSaving)),
  );
}

export function renderTable(target: HTMLElement, c: Comparison): void {
  const caption = h('caption', { id: 'options-caption' }, `Every option, ${billingName(c.workload.billing)}`, estimateBadge(c.estimate));
  const head = h('thead', {}, h('tr', {}, ...COLUMNS.map((title) => h('th', { attrs: { scope: 'col' } }, title))));
  const body = h('tbody', {}, ...c.options.map(optionRow));
  replaceChildren(target, h('table', { id: 'options' }, caption, head, body));
  const note = document.getElementById('table-note');
  if (note) {
    note.textContent = `Scroll the table sideways for every column. Credits needed with retakes: ${count(c.creditsNeeded)}${
      c.estimate ? ' (estimate: Kling 3.0 credits are not published)' : ''
    }. Annual billing saves against ${billingName(c.savingBaseline)}.`;
  }
}

export function renderChart(target: HTMLElement, c: Comparison): void {
  const max = Math.max(...c.options.map((o) => o.monthlyCost), 0.01);
  const bars = c.options.map((o) => {
    const fill = h('span', { class: `bar-fill${o.cheapest ? ' best' : ''}${o.covers ? '' : ' short'}` });
    fill.style.width = `${Math.max(1, (o.monthlyCost / max) * 100).toFixed(1)}%`;
    return h(
      'li',
      {},
      h('span', { class: 'bar-label' }, o.label),
      h('span', { class: 'bar-value' }, usd(o.monthlyCost)),
      h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
    );
  });
  replaceChildren(
    target,
    h('figcaption', {}, 'Monthly cost per option', c.estimate ? ' (estimate)' : ''),
    h('ul', { class: 'bars', attrs: { 'aria-label': 'Monthly cost per option' } }, ...bars),
    h(
      'p',
      { class: 'secondary legend' },
      h('span', { class: 'key best' }),
      'cheapest ',
      h('span', { class: 'key short' }),
      'does not cover the work',
    ),
  );
}
