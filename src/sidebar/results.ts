import type { Comparison, OptionFigures } from '../pricing';
import { billingName } from '../pricing';
import type { Child } from './dom';
import { h, replaceChildren } from './dom';
import { count, percent, spare, usd, yearFigure } from './format';

/**
 * The comparison as the sidebar shows it, every figure the core's (compareWorkload): a summary,
 * one compact card per option with details on demand, and a bar chart of the options that
 * cover the work. Built to fit a 300 px sidebar without sideways scrolling.
 */

function estimateBadge(show: boolean): Child {
  return show ? h('span', { class: 'badge estimate' }, 'estimate') : null;
}

function detail(...text: Child[]): HTMLElement {
  return h('span', { class: 'detail' }, ...text);
}

function item(label: string, figure: string, ...value: Child[]): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', { attrs: { 'data-figure': figure } }, ...value));
}

export function renderSummary(target: HTMLElement, c: Comparison): void {
  const b = c.budget;
  const ownBuffers = c.workload.lines.some((l) => l.buffer !== null && l.buffer !== undefined);
  const items: HTMLElement[] = [
    item(
      'Credits needed a month, with the buffer',
      'credits-needed',
      h('strong', { attrs: { 'data-figure': 'credits-with-buffer' } }, count(b.creditsWithBuffer)),
      estimateBadge(c.estimate),
      detail(
        h('span', { attrs: { 'data-figure': 'credits-work' } }, count(b.credits)),
        ` for the work + ${ownBuffers ? 'the buffers' : `${percent(b.buffer)} buffer for retakes`}`,
      ),
    ),
    item('Videos delivered a month', 'videos', count(b.videos)),
    item(
      'Cheapest way to buy one month on its own',
      'month',
      h('strong', { attrs: { 'data-figure': 'month-option' } }, b.best.label),
      ': ',
      h('strong', { attrs: { 'data-figure': 'month-cost' } }, usd(b.monthlyCost)),
      detail(`${billingName(c.workload.billing)}; packs bought that month, as KLING_BEST_PLAN and KLING_MONTHLY_COST answer`),
    ),
    item(
      'Cheapest 12 months, top-ups carried over',
      'year',
      h('span', { attrs: { 'data-figure': 'year-option' } }, c.year ? c.year.label : 'nothing to buy'),
      ': ',
      h('span', { attrs: { 'data-figure': 'year-cost' } }, usd(b.yearCost)),
    ),
    item(
      'Average month over 12 months',
      'average',
      usd(b.averageMonth),
      b.costPerVideo === null
        ? null
        : detail(h('span', { attrs: { 'data-figure': 'video-cost' } }, usd(b.costPerVideo)), ' per delivered video'),
    ),
    'problem' in c.api
      ? item(
          "Kling's API, 12 months",
          'api',
          h('span', { attrs: { 'data-figure': 'api-cost' } }, 'n/a'),
          detail(h('span', { attrs: { 'data-figure': 'api-why' } }, c.api.problem)),
        )
      : item(
          "Kling's API, 12 months",
          'api',
          h('span', { attrs: { 'data-figure': 'api-cost' } }, usd(c.api.yearCost)),
          h('span', { class: 'badge estimate' }, 'estimate'),
          detail(
            'with its prepaid packs: ',
            h('span', { attrs: { 'data-figure': 'api-packs' } }, c.api.packs || 'none'),
            ', bought per 6-month window',
          ),
        ),
    item('Cheaper over 12 months', 'verdict', b.verdict),
  ];
  replaceChildren(target, h('dl', { class: 'summary' }, ...items));
}

function fact(label: string, figure: string, value: string): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', { attrs: { 'data-figure': figure } }, value));
}

function card(o: OptionFigures, c: Comparison): HTMLElement {
  const cls = ['card', o.cheapest ? 'cheapest' : '', o.covers ? '' : 'short'].filter(Boolean).join(' ');
  return h(
    'li',
    { class: cls, attrs: { 'data-option': o.label } },
    h(
      'h4',
      {},
      o.label,
      o.cheapest || !o.covers ? ' ' : null,
      o.cheapest ? h('span', { class: 'badge best' }, 'Cheapest') : null,
      o.covers ? null : h('span', { class: 'badge short' }, 'does not cover'),
    ),
    h(
      'p',
      { class: 'figures' },
      h('span', { class: 'money', attrs: { 'data-figure': 'monthly' } }, usd(o.monthlyCost)),
      ' a month',
      h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' } }, ' · '),
      h('span', { attrs: { 'data-figure': 'per-video' } }, o.costPerVideo === null ? 'no videos' : `${usd(o.costPerVideo)} per video`),
    ),
    h('p', { class: o.covers ? 'spare' : 'spare missing', attrs: { 'data-figure': 'spare' } }, spare(o.spare)),
    h(
      'details',
      {},
      h('summary', {}, 'Details', h('span', { class: 'visually-hidden' }, ` of ${o.label}`)),
      h(
        'dl',
        {},
        fact('Credits included', 'credits', count(o.creditsIncluded)),
        fact('Videos delivered a month', 'videos', count(o.videosDelivered)),
        fact('12 months, top-ups carried over', 'yearly', yearFigure(o.yearCost, o.covers)),
        fact(`Annual billing saves vs ${billingName(c.savingBaseline)}`, 'saving', yearFigure(o.annualSaving, o.covers)),
      ),
    ),
  );
}

/** The cards, one per option; a card whose details were open stays open as the figures change. */
export function renderOptions(heading: HTMLElement, target: HTMLElement, c: Comparison): void {
  replaceChildren(heading, `Every option, ${billingName(c.workload.billing)}`, estimateBadge(c.estimate));
  const open = new Set(
    Array.from(target.querySelectorAll('li'))
      .filter((li) => li.querySelector('details')?.open)
      .map((li) => li.getAttribute('data-option')),
  );
  replaceChildren(target, ...c.options.map((o) => card(o, c)));
  for (const li of Array.from(target.querySelectorAll('li'))) {
    const details = li.querySelector('details');
    if (details && open.has(li.getAttribute('data-option'))) details.open = true;
  }
}

/** Bars of the monthly cost of each option that covers the work; the others are left out, and named. */
export function renderChart(target: HTMLElement, c: Comparison): void {
  const shown = c.options.filter((o) => o.covers);
  const left = c.options.filter((o) => !o.covers);
  const max = Math.max(...shown.map((o) => o.monthlyCost), 0.01);
  const bars = shown.map((o) => {
    const fill = h('span', { class: `bar-fill${o.cheapest ? ' best' : ''}` });
    fill.style.width = `${Math.max(1, (o.monthlyCost / max) * 100).toFixed(1)}%`;
    return h(
      'li',
      { attrs: { 'data-option': o.label } },
      h('span', { class: 'bar-label' }, o.label),
      h('span', { class: 'bar-value' }, usd(o.monthlyCost)),
      h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
    );
  });
  replaceChildren(
    target,
    h('figcaption', {}, h('h3', {}, 'Monthly cost of each option that covers the work'), c.estimate ? ' (estimate)' : ''),
    h('ul', { class: 'bars' }, ...bars),
    left.length > 0
      ? h(
          'p',
          { class: 'secondary small', id: 'chart-left-out' },
          `Left out, as they do not cover the work: ${left.map((o) => o.label).join(', ')}.`,
        )
      : null,
  );
}
