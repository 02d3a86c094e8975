import { formatThousands } from './money';

/** A pack size bought `count` times. */
export interface PackCount {
  readonly size: number;
  readonly count: number;
}

/**
 * Packs as KLING_BEST_PLAN names them, largest first, a repeated pack as "2 x 1,320-credit pack":
 * "3,500-credit pack + 660-credit pack". Packs of the same size are merged; '' when none.
 * `noun` is what a pack holds, singular: 'credit' or 'unit'.
 */
/** "1,320-credit pack" by size and noun: the few pack sizes of a book are written once. */
const packNames = new Map<string, string>();

function packName(size: number, noun: string): string {
  const key = `${size} ${noun}`;
  let name = packNames.get(key);
  if (name === undefined) {
    name = `${formatThousands(size)}-${noun} pack`;
    if (packNames.size < 1000) packNames.set(key, name);
  }
  return name;
}

export function packsLabel(items: readonly PackCount[], noun: string): string {
  const bySize = new Map<number, number>();
  for (const { size, count } of items) {
    if (count > 0) bySize.set(size, (bySize.get(size) || 0) + count);
  }
  return [...bySize.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([size, count]) => `${count > 1 ? `${formatThousands(count)} x ` : ''}${packName(size, noun)}`)
    .join(' + ');
}
