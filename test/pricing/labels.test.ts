import { describe, expect, it } from 'vitest';
import { packsLabel } from '../../src/pricing/labels';

describe('pack labels', () => {
  it('names packs largest first, a repeated pack with its count, as KLING_BEST_PLAN does', () => {
    expect(
      packsLabel(
        [
          { size: 660, count: 1 },
          { size: 3_500, count: 1 },
        ],
        'credit',
      ),
    ).toBe('3,500-credit pack + 660-credit pack');
    expect(packsLabel([{ size: 1_320, count: 2 }], 'credit')).toBe('2 x 1,320-credit pack');
    expect(packsLabel([{ size: 5_000, count: 1 }], 'unit')).toBe('5,000-unit pack');
    expect(packsLabel([{ size: 96_000, count: 6_500 }], 'credit')).toBe('6,500 x 96,000-credit pack');
  });

  it('is blank when nothing is bought; counts of 0 are left out', () => {
    expect(packsLabel([], 'credit')).toBe('');
    expect(
      packsLabel(
        [
          { size: 330, count: 0 },
          { size: 660, count: 0 },
        ],
        'credit',
      ),
    ).toBe('');
    expect(
      packsLabel(
        [
          { size: 330, count: 0 },
          { size: 660, count: 3 },
        ],
        'credit',
      ),
    ).toBe('3 x 660-credit pack');
  });

  it('merges two kinds of the same size', () => {
    expect(
      packsLabel(
        [
          { size: 330, count: 1 },
          { size: 7_500, count: 1 },
          { size: 330, count: 2 },
        ],
        'credit',
      ),
    ).toBe('7,500-credit pack + 3 x 330-credit pack');
  });
});
