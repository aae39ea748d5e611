/**
 * The rule fixture runner lives in the engine (src/engine/testing/fixture-runner.ts) so that `trustline packs
 * test` runs exactly the checks the built-in pack's suite runs; this module re-exports it for the tests.
 */
export {
  applyRuleFix,
  expectedLines,
  findingsOf,
  fixtureAnalyzer,
  fixtureCases,
  ruleFixtures,
  type FixtureCase,
  type RuleFixtures,
} from '../../src/engine/testing/fixture-runner';
