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
