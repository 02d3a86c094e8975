/**
 * Shot lists by month for the channel tests, written once for the engine (ChannelWork) and for the
 * reference (RefWork), and price books edited as a user edits the price table.
 */

import { expect } from 'vitest';
import type { AudioOption, ChannelBilling, ChannelWork, Mode, PriceBook } from '../../src/pricing';
import { bookFromRows, bookToRows, DEFAULT_PRICE_BOOK, InputError } from '../../src/pricing';
import type { Q, RefWork } from './channelsReference';

export interface Shot {
  /** The model's name as the book has it ("Kling 3.0"). */
  readonly model: string;
  readonly mode: Mode;
  readonly secs: number;
  readonly audio: AudioOption;
  /** Videos in each month, or the same number every month. */
  readonly videos: number | readonly number[];
  readonly testTakes?: number;
  /** The row's retake rate; default the work's. */
  readonly rate?: number;
}

export interface WorkSpec {
  readonly shots: readonly Shot[];
  readonly months: number;
  readonly billing?: ChannelBilling;
  /** The retake rate of rows without their own, and of images unless `imageRate` is given. Default 0. */
  readonly rate?: number;
  readonly images?: number | readonly number[];
  readonly creditsPerImage?: number;
  readonly imageRate?: number;
  readonly topupBalance?: number;
}

const monthsOf = (v: number | readonly number[] | undefined, months: number): number[] =>
  Array.from({ length: months }, (_, m) => (typeof v === 'number' ? v : (v?.[m] ?? 0)));

export function channelWork(spec: WorkSpec, book: PriceBook = DEFAULT_PRICE_BOOK): ChannelWork {
  const rate = spec.rate ?? 0;
  return {
    shots: spec.shots.map((s, i) => ({
      row: i + 1,
      clip: { model: s.model, mode: s.mode, secs: s.secs, audio: s.audio },
      testTakes: s.testTakes ?? 0,
      retakeRate: s.rate ?? rate,
      videos: monthsOf(s.videos, spec.months),
    })),
    months: spec.months,
    images: monthsOf(spec.images, spec.months),
    creditsPerImage: spec.creditsPerImage ?? book.images.creditsPerImage,
    imageRetakeRate: spec.imageRate ?? rate,
    billing: spec.billing ?? 'monthly',
    topupBalance: spec.topupBalance ?? 0,
  };
}

export function refWork(work: ChannelWork): RefWork {
  return {
    shots: work.shots.map((s) => ({ row: s.row, ...s.clip, testTakes: s.testTakes, retakeRate: s.retakeRate, videos: s.videos })),
    months: work.months,
    images: work.images,
    creditsPerImage: work.creditsPerImage,
    imageRetakeRate: work.imageRetakeRate,
    billing: work.billing,
    topupBalance: work.topupBalance,
  };
}

/** A row of the price table as a user types it. */
export function priceRow(
  section: string,
  item: string,
  field: string,
  value: number,
  confidence = 'third-party',
  asOf = '2026-12-01',
): unknown[] {
  return [section, item, field, value, '', confidence, `test row: ${section}, ${item}`, asOf];
}

/** The terms rows of a reseller: a minimum purchase (USD) and a credit validity (days), each optional. */
export function termsRows(provider: string, minimum: number | null, validityDays: number | null, confidence = 'third-party'): unknown[][] {
  return [
    ...(minimum === null ? [] : [priceRow(`Reseller ${provider}`, 'minimum purchase', 'USD', minimum, confidence)]),
    ...(validityDays === null ? [] : [priceRow(`Reseller ${provider}`, 'credit validity', 'days', validityDays, confidence)]),
  ];
}

/** A book read from the default table edited: rows removed, values changed (matched on Section, Item, Field), rows added. */
export function editedBook(edit: {
  readonly drop?: (row: readonly unknown[]) => boolean;
  readonly set?: readonly (readonly [section: string, item: string, field: string, value: number])[];
  readonly add?: readonly unknown[][];
  /** Added rows go before the default rows (their providers then come first in the book's order). */
  readonly addFirst?: boolean;
  /** Rows put before the default rows, whatever `addFirst` says. */
  readonly prepend?: readonly unknown[][];
}): PriceBook {
  const [header, ...rows] = bookToRows(DEFAULT_PRICE_BOOK) as unknown[][];
  let table = rows.filter((r) => !edit.drop?.(r)).map((r) => [...r]);
  for (const [section, item, field, value] of edit.set ?? []) {
    const row = table.find((r) => r[0] === section && r[1] === item && r[2] === field);
    if (!row) throw new Error(`no row ${section}, ${item}, ${field}`);
    row[3] = value;
  }
  table = edit.addFirst ? [...(edit.add ?? []), ...table] : [...table, ...(edit.add ?? [])];
  table = [...(edit.prepend ?? []), ...table];
  const book = bookFromRows([header as unknown[], ...table]);
  if (book instanceof InputError) throw book;
  return book;
}

/** The default book with its standard API packs valid these many days (one number: every pack; a list: pack by pack). */
export function apiValidityBook(days: number | readonly number[]): PriceBook {
  const list = typeof days === 'number' ? [days, days, days, days] : days;
  return editedBook({ set: list.map((d, i) => ['API pack', `Pack ${i + 1}`, 'valid days', d] as const) });
}

/** An amount in USD (a double) against an exact amount of ticks: within float noise, and the same to the cent (either way on an exact half cent). */
export function expectSameUsd(actual: number, exact: Q, what: string): void {
  const value = exact.toNumber() / 10_000;
  expect(Math.abs(actual - value), `${what}: ${actual} against ${value}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
  const { cents, half } = exact.cents();
  if (!half) expect(BigInt(Math.round(actual * 100)), `${what} in cents`).toBe(cents);
}
