import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinRules } from '../../src/engine';
import { applyRuleFix, expectedLines, findingsOf, ruleFixtures } from './fixture-runner';

const { rules, notices } = loadBuiltinRules();

describe('built-in rule fixtures', () => {
  it('the built-in pack loads without errors', () => {
    assert.deepEqual(notices.filter((n) => n.level === 'error').map((n) => n.message), []);
    assert.ok(rules.length > 0);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const fx = ruleFixtures(rule);
      for (const file of fx.positives) {
        it(`reports exactly the marked lines of ${path.basename(file)}`, () => {
          const text = fs.readFileSync(file, 'utf8');
          const expected = expectedLines(text, rule.id);
          assert.ok(expected.length > 0, 'a positive fixture marks at least one line');
          const actual = [...new Set(findingsOf(rules, rule, file, text).map((f) => f.range.startLine))].sort((a, b) => a - b);
          assert.deepEqual(actual, expected);
        });
      }
      for (const file of fx.negatives) {
        it(`is silent on ${path.basename(file)}`, () => {
          const found = findingsOf(rules, rule, file).map((f) => `${f.range.startLine}: ${f.message}`);
          assert.deepEqual(found, []);
        });
      }
      for (const fix of fx.fixes) {
        it(`fix ${fix.snippetName} yields the expected file, which parses and is clean`, () => {
          const { text, parseErrors } = applyRuleFix(rules, rule, fix.input, fix.snippetName);
          assert.equal(text, fs.readFileSync(fix.output, 'utf8'));
          assert.equal(parseErrors, 0);
          assert.deepEqual(findingsOf(rules, rule, fix.output, text).map((f) => f.range.startLine), []);
        });
      }
    });
  }
});
