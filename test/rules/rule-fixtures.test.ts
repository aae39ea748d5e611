import { strict as assert } from 'node:assert';
import { loadBuiltinRules } from '../../src/engine';
import { fixtureCases } from './fixture-runner';

const { rules, notices } = loadBuiltinRules();

// The same cases `trustline packs test` runs for a pack (src/engine/testing/fixture-runner.ts).
describe('built-in rule fixtures', () => {
  it('the built-in pack loads without errors', () => {
    assert.deepEqual(notices.filter((n) => n.level === 'error').map((n) => n.message), []);
    assert.ok(rules.length > 0);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      for (const fixture of fixtureCases(rule, rules)) {
        it(fixture.name, () => {
          const problem = fixture.run();
          if (problem !== undefined) assert.fail(problem);
        });
      }
    });
  }
});
