import { describe, expect, it } from 'vitest';
import { callGlobal, loadBundle } from '../../support/loadBundle';

/** Bugs the odd-input fuzz found, replayed one by one so each stays fixed. */
describe('fuzz regressions', () => {
  const context = loadBundle();

  function messageOf(name: string, ...args: unknown[]): string {
    try {
      callGlobal(context, name, ...args);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${name} did not throw`);
  }

  it('cuts a long repeated value at a whole character, not inside an emoji', () => {
    const mode = `a${'🎬'.repeat(30)}`;
    expect(messageOf('KLING_CREDITS', mode, 5)).toBe(`mode "a${'🎬'.repeat(19)}..." is not a Kling mode; use standard, professional or 4k`);
    expect(messageOf('KLING_CREDITS', 'pro', `1${'🎬'.repeat(30)}`)).toMatch(/^secs "1(🎬){19}\.\.\." is not a number/);
  });
});
