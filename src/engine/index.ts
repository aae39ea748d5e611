/**
 * Public surface of the Trustline engine. Plain Node: nothing here (or below) may import `vscode`.
 */
export * from './types';
export type { LoadedRule, RuleDefinition, FixReference } from './rules/rule-types';
export type { Pattern } from './match/pattern-types';
export { loadBuiltinRules, loadRulePacks, builtinPackDir, type RuleSet } from './rules/load-rules';
export { writeBuiltinSnapshot } from './rules/builtin-snapshot';
export { Analyzer, type AnalyzerOptions } from './analyzer';
export { WorkspaceResolver } from './flow/workspace-resolver';
export type { CrossFileResolver } from './flow/callee-definition';
export { redactSecrets } from './redact';
export { SOURCE_EXTENSIONS } from './parse';
export { DocumentAnalysis, changeRange } from './document-analysis';
export type { PackInfo } from './rules/load-rules';
export { PolicyResolver, policyFileIn, type PolicyResolverOptions } from './policy/policy-resolver';
export { PolicyAnalyzers, type PolicyAnalyzersOptions } from './policy/policy-analyzers';
export { loadPolicyFile, type PolicyFile } from './policy/load-policy';
export { EMPTY_POLICY, IDENTITY_PROVIDERS, SECRET_STORES, POLICY_FILE_NAMES, type EffectivePolicy, type PolicyDocument } from './policy/policy-types';
export { parseDurationString, durationSeconds, policyDurationSeconds, formatDuration } from './policy/duration';
export { fixtureCases, ruleFixtures, type FixtureCase, type RuleFixtures } from './testing/fixture-runner';
