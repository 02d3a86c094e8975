/**
 * A reporter that names every skipped or todo test at the end of a run, so a skip (a test that
 * cannot run here, a forgotten .skip) is never silent: `npm test` prints "Skipped tests (n):" and
 * each one's file and full name. The config also refuses a stray `.only` (allowOnly: false).
 */
import type { Reporter, TestCase } from 'vitest/node';

export default class SkippedReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state === 'skipped') {
      this.skipped.push(
        `${test.module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}${result.note ? ` (${result.note})` : ''}`,
      );
    }
  }

  onTestRunEnd(): void {
    const out = process.stdout;
    if (this.skipped.length === 0) {
      out.write('\nSkipped tests: none\n');
      return;
    }
    out.write(`\nSkipped tests (${this.skipped.length}):\n`);
    for (const name of this.skipped) out.write(`  - ${name}\n`);
  }
}
