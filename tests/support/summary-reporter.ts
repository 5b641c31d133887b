// Ends every run with one plain line, "N passed, N failed, N skipped", that any CI can read without knowing
// vitest's own output.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = (state: 'passed' | 'failed' | 'skipped') =>
      testModules.reduce((sum, module) => sum + [...module.children.allTests(state)].length, 0);
    const failedModules = testModules.filter((module) => module.state() === 'failed' && ![...module.children.allTests()].length);
    const failed = count('failed') + failedModules.length;
    process.stdout.write(`\n${count('passed')} passed, ${failed} failed, ${count('skipped')} skipped\n`);
  }
}
