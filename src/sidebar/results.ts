import { channelsInOrder, notComparedText } from '../contract/comparisonView';
import type { ChannelFigure, Comparison, OptionFigures } from '../pricing';
import { billingName, channelFigures, HIGH_CASE, LOW_CASE, PRICE_AGE_ADVICE } from '../pricing';
import type { Child } from './dom';
import { h, replaceChildren } from './dom';
import { count, percent, spare, usd, yearFigure } from './format';

/**
 * The comparison as the sidebar shows it, every figure the core's. First the answer: every channel
 * over 12 equal months of the work (compareWorkload's channels, the app at its cheapest billing),
 * the cheapest first, the others cheapest first, those without a figure last with their reasons,
 * beyond the fourth collapsed; the range (budgetRange) and the age of the prices. Below the form:
 * one month on its own under the chosen billing, one compact card per option with details on
 * demand, and a bar chart of the options that cover the work. Built to fit a 300 px sidebar
 * without sideways scrolling.
 */

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Channels shown before "More channels (n)". */
export const CHANNELS_SHOWN = 4;

function estimateBadge(show: boolean): Child {
  // A space before the badge: a heading or a screen reader reads "..., monthly renewal estimate".
  return show ? h('span', { class: 'badge-wrap' }, ' ', h('span', { class: 'badge estimate' }, 'estimate')) : null;
}

function detail(...text: Child[]): HTMLElement {
  return h('span', { class: 'detail' }, ...text);
}

/** "$6.60 a month, $1.65 a video; 12 x Standard": the rest of a channel's figures. */
function channelDetail(c: Comparison, ch: ChannelFigure): string {
  const f = channelFigures(c.channels, ch);
  if (!f) return '';
  const parts = [`${usd(f.average)} a month`, ...(f.perVideo === null ? [] : [`${usd(f.perVideo)} a video`])].join(', ');
  return ch.boughtAs ? `${parts}; ${ch.boughtAs}` : parts;
}

/** One channel: its label and 12-month total, or "Not compared: <channel> (<reason>)". */
function channelItem(c: Comparison, ch: ChannelFigure): HTMLElement {
  const f = channelFigures(c.channels, ch);
  const cheapest = ch === c.channels.cheapest;
  if (!f) {
    return h(
      'li',
      { class: 'channel na', attrs: { 'data-channel': ch.label } },
      h('span', { class: 'na-text' }, `Not compared: ${notComparedText(ch)}`),
    );
  }
  return h(
    'li',
    { class: `channel${cheapest ? ' cheapest' : ''}`, attrs: { 'data-channel': ch.label } },
    h('span', { class: 'name' }, ch.label),
    h('span', { class: 'total', attrs: { 'data-figure': 'total' } }, usd(f.total)),
    h('span', { class: 'detail', attrs: { 'data-figure': 'detail' } }, channelDetail(c, ch)),
  );
}

const RANGE_CASES = `The cheapest channel over 12 months in three cases: low (${percent(LOW_CASE.retakeRate)} retakes, ${LOW_CASE.creditsPerImage} credits an image), high (${percent(HIGH_CASE.retakeRate)}, ${HIGH_CASE.creditsPerImage} credit) and most likely (your inputs).`;
const RANGE_LABEL = `Range: ${percent(LOW_CASE.retakeRate)} to ${percent(HIGH_CASE.retakeRate)} retakes, ${LOW_CASE.creditsPerImage} to ${HIGH_CASE.creditsPerImage} credit an image`;

export interface AnswerLines {
  /** budgetRange's line for the work: "Between $X and $Y, most likely $Z", "No range: ...". */
  readonly range: string;
  /** priceAgeText(c.asOf, today). */
  readonly age: string;
}

/** The answer: the channels in order (the first four, then the rest collapsed), the range line, the price age line. */
export function renderAnswer(target: HTMLElement, c: Comparison, lines: AnswerLines): void {
  const ordered = channelsInOrder(c.channels);
  const shown = ordered.slice(0, CHANNELS_SHOWN);
  const more = ordered.slice(CHANNELS_SHOWN);
  const wasOpen = (target.querySelector('#more-channels') as HTMLDetailsElement | null)?.open ?? false;
  const lead = c.channels.cheapest
    ? h('p', { class: 'lead' }, 'Cheapest for 12 months of this work')
    : h('p', { class: 'lead none', attrs: { 'data-figure': 'none' } }, capitalize(c.channels.none ?? 'no channel can make this work'));
  const moreList =
    more.length > 0
      ? h(
          'details',
          { id: 'more-channels', class: 'more' },
          h('summary', {}, `More channels (${more.length})`),
          h('ol', { class: 'channels', attrs: { start: String(CHANNELS_SHOWN + 1) } }, ...more.map((ch) => channelItem(c, ch))),
        )
      : null;
  if (moreList && wasOpen) moreList.open = true;
  const aged = lines.age.includes(PRICE_AGE_ADVICE);
  // "Between $X and $Y, most likely $Z" stays on one line; "No range: ..." and "Cases out of order: ..." wrap.
  const isRange = lines.range.startsWith('Between ');
  replaceChildren(
    target,
    lead,
    h('ol', { id: 'channels', class: 'channels' }, ...shown.map((ch) => channelItem(c, ch))),
    moreList,
    h('p', { class: 'range-label', attrs: { title: RANGE_CASES } }, RANGE_LABEL),
    h('p', { id: 'range', class: isRange ? 'range' : 'range problem' }, lines.range),
    h('p', { id: 'price-age', class: aged ? 'age old' : 'age' }, lines.age),
  );
  if (isRange) fitOneLine(target.querySelector('#range') as HTMLElement);
}

/**
 * Keeps a line's text on one line at its width (a range of seven-figure totals at 300 px): smaller
 * type, down to 9 px, then tighter letters, then down to 7.5 px.
 */
function fitOneLine(el: HTMLElement): void {
  el.style.fontSize = '';
  el.style.letterSpacing = '';
  const overflows = () => el.scrollWidth > el.clientWidth + 0.5;
  let size = Number.parseFloat(getComputedStyle(el).fontSize) || 13;
  const shrink = (floor: number) => {
    while (overflows() && size > floor) {
      size -= 0.5;
      el.style.fontSize = `${size}px`;
    }
  };
  shrink(9);
  for (let spacing = -0.1; overflows() && spacing >= -0.5; spacing -= 0.1) el.style.letterSpacing = `${spacing.toFixed(1)}px`;
  shrink(7.5);
}

function item(label: string, figure: string, ...value: Child[]): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', { attrs: { 'data-figure': figure } }, ...value));
}

/** One month on its own under the chosen billing: credits with retakes, videos, the cheapest way to buy it. */
export function renderSummary(target: HTMLElement, c: Comparison): void {
  const b = c.budget;
  const ownRates = c.workload.lines.some((l) => l.retakeRate !== null && l.retakeRate !== undefined);
  const retakes = ownRates ? "each row's retake rate" : `a ${percent(b.retakeRate)} retake rate`;
  const credits =
    typeof b.creditsWithRetakes === 'number' && typeof b.credits === 'number'
      ? item(
          'Credits needed a month, with retakes',
          'credits-needed',
          h('strong', { attrs: { 'data-figure': 'credits-with-retakes' } }, count(b.creditsWithRetakes)),
          estimateBadge(c.estimate),
          detail(h('span', { attrs: { 'data-figure': 'credits-work' } }, count(b.credits)), ` for the work, at ${retakes}`),
        )
      : item(
          'Credits needed a month, with retakes',
          'credits-needed',
          h('span', { attrs: { 'data-figure': 'credits-with-retakes' } }, String(b.creditsWithRetakes)),
        );
  const month =
    b.best && b.monthlyCost !== null
      ? item(
          'Cheapest way to buy one month on its own',
          'month',
          h('strong', { attrs: { 'data-figure': 'month-option' } }, b.best.label),
          ': ',
          h('strong', { attrs: { 'data-figure': 'month-cost' } }, usd(b.monthlyCost)),
          detail(`${billingName(c.workload.billing)}; packs bought that month, as KLING_BEST_PLAN and KLING_MONTHLY_COST answer`),
        )
      : item(
          'Cheapest way to buy one month on its own',
          'month',
          h('span', { attrs: { 'data-figure': 'month-option' } }, String(b.credits)),
        );
  replaceChildren(target, h('dl', { class: 'summary' }, credits, item('Videos delivered a month', 'videos', count(b.videos)), month));
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
