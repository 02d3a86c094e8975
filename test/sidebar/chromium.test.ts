import { describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium';

describe('findChromium', () => {
  it('fails with the install instruction when no browser is there', () => {
    expect(() => findChromium(['', '/nonexistent/chromium'])).toThrow('Chromium not found: apt-get install -y chromium');
  });

  it('finds the system Chromium the browser tests need', () => {
    expect(findChromium()).toMatch(/chromium/);
  });
});
