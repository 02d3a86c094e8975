import type { PriceBook, PriceCell } from '../../src/pricing';
import { bookFromRows, bookToRows, DEFAULT_PRICE_BOOK, InputError } from '../../src/pricing';

/**
 * Fixtures the sidebar tests share: a price table with a model a user added ("Models are data":
 * rows of its own, no release), and a copy of the budget template's shot list.
 */

/** A model the default book does not have (its Kling 4.0 is sold by resellers only). */
export const ADDED_MODEL = 'Kling 5.0';
const SOURCE = 'added by the user for a test: Kling 5.0 is not priced by Kling yet';
const AS_OF = '2026-11-20';

/** An app-credits section, priced per second, 4 to 20 s; no API rows (its API figure is n/a). */
export function modelRows(name = ADDED_MODEL): PriceCell[][] {
  const section = `App credits, ${name}`;
  const rate = (item: string, value: number): PriceCell[] => [
    section,
    item,
    'credits per second',
    value,
    'credits per second of video',
    'estimate',
    SOURCE,
    AS_OF,
  ];
  return [
    rate('standard', 7),
    rate('standard with audio', 10),
    rate('professional', 9),
    rate('professional with audio', 13),
    rate('professional with voice control', 15),
    [section, 'shortest clip', 'seconds', 4, 'seconds', 'estimate', SOURCE, AS_OF],
    [section, 'longest clip', 'seconds', 20, 'seconds', 'estimate', SOURCE, AS_OF],
  ];
}

/** The edited price table ("Kling prices"): the default book's rows plus the added model's. */
export function priceTableWithModel(name = ADDED_MODEL): PriceCell[][] {
  return [...bookToRows(DEFAULT_PRICE_BOOK), ...modelRows(name)];
}

export function bookWithModel(name = ADDED_MODEL): PriceBook {
  const book = bookFromRows(priceTableWithModel(name));
  if (book instanceof InputError) throw book;
  return book;
}

export type Cell = string | number | boolean;

/**
 * The budget template's shot list as a user has it: its header names (plus Test takes and Retake rate)
 * in a shuffled order, computed columns beside, example rows, a row with only a model and blank
 * rows whose computed columns hold "" (their formulas' blank) and whose audio checkbox is FALSE.
 */
export const SHOT_LIST_HEADER = [
  'Credits per month',
  'Videos per month',
  'Scene',
  'Seconds',
  "Retake rate (blank: the sheet's)",
  'Audio',
  'Kling API per month (USD)',
  'Model',
  'Test takes',
  'Mode',
  'Credits per video',
] as const;

type Shot = {
  scene: string;
  model: string;
  mode: string;
  secs: number | '';
  audio: boolean | string;
  count: number | '';
  takes: number | '';
  rate: number | '';
};

function shotRow(s: Shot, computed: [number | '', number | '', number | '']): Cell[] {
  const byName: Record<(typeof SHOT_LIST_HEADER)[number], Cell> = {
    'Credits per month': computed[1],
    'Videos per month': s.count,
    Scene: s.scene,
    Seconds: s.secs,
    "Retake rate (blank: the sheet's)": s.rate,
    Audio: s.audio,
    'Kling API per month (USD)': computed[2],
    Model: s.model,
    'Test takes': s.takes,
    Mode: s.mode,
    'Credits per video': computed[0],
  };
  return SHOT_LIST_HEADER.map((name) => byName[name]);
}

const blank: Shot = { scene: '', model: '', mode: '', secs: '', audio: false, count: '', takes: '', rate: '' };

export const SHOT_LIST_ROWS: Cell[][] = [
  [...SHOT_LIST_HEADER],
  shotRow(
    { scene: 'Opening shot', model: '2.6', mode: 'professional', secs: 10, audio: true, count: 4, takes: 2, rate: '' },
    [200, 800, 5.6],
  ),
  shotRow(
    { scene: 'Product close-ups', model: '2.6', mode: 'standard', secs: 5, audio: false, count: 20, takes: '', rate: 0.3 },
    [10, 200, 4.2],
  ),
  shotRow({ scene: 'Talking head', model: '3.0', mode: 'professional', secs: 8, audio: 'voice', count: 6, takes: 1, rate: '' }, [
    112,
    672,
    '',
  ]),
  shotRow({ ...blank, model: '3.0' }, ['', '', '']),
  shotRow({ scene: 'Not booked yet', model: '2.6', mode: 'standard', secs: 10, audio: false, count: '', takes: '', rate: '' }, [
    20,
    '',
    '',
  ]),
  shotRow(blank, ['', '', '']),
  shotRow(blank, ['', '', '']),
];
