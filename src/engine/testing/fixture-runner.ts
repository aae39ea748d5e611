/**
 * The data-driven rule fixture runner, shared by the built-in pack's mocha suite and `trustline packs test`:
 * every rule's `fixtures/positive*` must report exactly the lines marked `// expect: <rule-id>`, its
 * `fixtures/negative*` must stay silent, and each `fix.<snippet>.input.<ext>` must turn into
 * `fix.<snippet>.output.<ext>` (which parses and is clean). A `.trustline.yaml` in the fixtures folder is the
 * policy the fixtures run under (for rules that read token lifetimes, trust-boundary globs, ...).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../analyzer';
import { WorkspaceResolver } from '../flow/workspace-resolver';
import { applyFixToText } from '../fixes/build-fix';
import { parseErrorCount, parseSource } from '../parse';
import { PolicyResolver } from '../policy/policy-resolver';
import type { LoadedRule } from '../rules/rule-types';
import type { Finding, Notice } from '../types';

/** Fixture files of a rule folder, by role. */
export interface RuleFixtures {
  positives: string[];
  negatives: string[];
  /** `fix.<snippet-name>.input.<ext>` → `fix.<snippet-name>.output.<ext>`. */
  fixes: Array<{ snippetName: string; input: string; output: string }>;
}

/**
 * Lists a rule's fixtures (`fixtures/` beside its rule file). Positive and negative fixtures may sit in sub-folders
 * (`fixtures/pages/api/admin/positive.ts`) for rules that look at a file's path; paths are then relative to
 * `fixtures/`.
 */
export function ruleFixtures(rule: LoadedRule): RuleFixtures {
  const dir = path.join(rule.dir, 'fixtures');
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
  const out: RuleFixtures = { positives: [], negatives: [], fixes: [] };
  const nested = entries
    .filter((e) => e.parentPath !== dir && /^(positive|negative)/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const abs of nested) (path.basename(abs).startsWith('positive') ? out.positives : out.negatives).push(abs);
  for (const f of entries.filter((e) => e.parentPath === dir).map((e) => e.name).sort()) {
    const abs = path.join(dir, f);
    const fix = /^fix\.([a-z0-9-]+)\.input(\.[a-z]+)$/.exec(f);
    if (fix) {
      out.fixes.push({ snippetName: fix[1]!, input: abs, output: path.join(dir, `fix.${fix[1]}.output${fix[2]}`) });
    } else if (f.startsWith('positive')) out.positives.push(abs);
    else if (f.startsWith('negative')) out.negatives.push(abs);
  }
  return out;
}

/** Lines marked `// expect: <rule-id>` (several ids may be listed, comma-separated). */
export function expectedLines(text: string, ruleId: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /\/\/\s*expect:\s*([^\n]+)$/.exec(line) ?? /\{\/\*\s*expect:\s*(.+?)\s*\*\/\}/.exec(line);
    if (m && m[1]!.split(/[\s,]+/).includes(ruleId)) lines.push(i + 1);
  });
  return lines;
}

/** Problems of the fixture folder's policy file, if it has one. */
export function fixturePolicyNotices(file: string): Notice[] {
  const resolver = new PolicyResolver({ root: path.dirname(file) });
  resolver.forFile(file);
  return resolver.notices;
}

/** The `fixtures/` folder a fixture sits in (or below); the file's own folder for files outside one. */
export function fixtureRoot(file: string): string {
  for (let d = path.dirname(file); d !== path.dirname(d); d = path.dirname(d)) if (path.basename(d) === 'fixtures') return d;
  return path.dirname(file);
}

/**
 * An analyzer for fixtures: root is the fixture folder, so fixture paths do not look like test files. Helpers
 * that fixtures import from sub-folders (`./lib/hash`) resolve as in an audit; a `.trustline.yaml` in the
 * folder is the policy.
 */
export function fixtureAnalyzer(rules: LoadedRule[], file: string): Analyzer {
  const dir = fixtureRoot(file);
  const policy = new PolicyResolver({ root: dir }).forFile(file);
  return new Analyzer({ rules, root: dir, today: '2026-01-01', crossFile: new WorkspaceResolver(dir), policy });
}

/** Findings of one rule in a fixture file. */
export function findingsOf(rules: LoadedRule[], rule: LoadedRule, file: string, text = fs.readFileSync(file, 'utf8')): Finding[] {
  return fixtureAnalyzer(rules, file)
    .analyzeText(file, text)
    .findings.filter((f) => f.ruleId === rule.id && !f.suppression);
}

/** Applies the first finding's fix built from `snippetName` and returns the fixed text. */
export function applyRuleFix(rules: LoadedRule[], rule: LoadedRule, input: string, snippetName: string): { text: string; parseErrors: number } {
  const text = fs.readFileSync(input, 'utf8');
  const finding = findingsOf(rules, rule, input, text)[0];
  if (!finding) throw new Error(`${path.basename(input)}: no ${rule.id} finding to fix`);
  const fix = finding.fixes.find((f) => f.snippet.endsWith(`/${snippetName}`));
  if (!fix) throw new Error(`${path.basename(input)}: the finding offers no fix from snippet ${snippetName}`);
  const fixed = applyFixToText(text, fix);
  return { text: fixed, parseErrors: parseErrorCount(parseSource(input, fixed)) };
}

/** One check of a rule's fixtures. */
export interface FixtureCase {
  /** What is checked, e.g. `reports exactly the marked lines of positive.ts`. */
  name: string;
  /** The fixture file checked. */
  file: string;
  /** Runs the check: `undefined` when it passes, otherwise what went wrong (expected vs actual). */
  run(): string | undefined;
}

/** A fixture's name in test titles: its path below `fixtures/`. */
function fixtureName(file: string): string {
  return path.relative(fixtureRoot(file), file).split(path.sep).join('/');
}

function sameLines(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Every fixture check of a rule, in a stable order: positives, negatives, fixes.
 * @param rule - The rule under test.
 * @param rules - All rules loaded with it (fixtures run with the whole set, as audits do).
 */
export function fixtureCases(rule: LoadedRule, rules: LoadedRule[]): FixtureCase[] {
  const fx = ruleFixtures(rule);
  const cases: FixtureCase[] = [];
  const policyProblems = (file: string): string | undefined => {
    const errors = fixturePolicyNotices(file).filter((n) => n.level === 'error');
    return errors.length > 0 ? `the fixture policy is invalid: ${errors.map((n) => n.message).join('; ')}` : undefined;
  };
  for (const file of fx.positives) {
    cases.push({
      name: `reports exactly the marked lines of ${fixtureName(file)}`,
      file,
      run: () => {
        const text = fs.readFileSync(file, 'utf8');
        const expected = expectedLines(text, rule.id);
        if (expected.length === 0) return `${path.basename(file)} marks no line with // expect: ${rule.id}`;
        const actual = [...new Set(findingsOf(rules, rule, file, text).map((f) => f.range.startLine))].sort((a, b) => a - b);
        if (sameLines(actual, expected)) return undefined;
        const missing = expected.filter((l) => !actual.includes(l));
        const extra = actual.filter((l) => !expected.includes(l));
        const parts = [missing.length > 0 ? `not reported on marked line(s) ${missing.join(', ')}` : '', extra.length > 0 ? `reported on unmarked line(s) ${extra.join(', ')}` : ''];
        return `${path.basename(file)}: ${parts.filter(Boolean).join('; ')} (expected [${expected.join(', ')}], got [${actual.join(', ')}])${policyProblems(file) ? `; ${policyProblems(file)}` : ''}`;
      },
    });
  }
  for (const file of fx.negatives) {
    cases.push({
      name: `is silent on ${fixtureName(file)}`,
      file,
      run: () => {
        const found = findingsOf(rules, rule, file).map((f) => `${f.range.startLine}: ${f.message}`);
        const policy = policyProblems(file);
        if (found.length === 0 && policy === undefined) return undefined;
        return [found.length > 0 ? `${path.basename(file)} must produce no finding, got:\n  ${found.join('\n  ')}` : '', policy ?? ''].filter(Boolean).join('; ');
      },
    });
  }
  for (const fix of fx.fixes) {
    cases.push({
      name: `fix ${fix.snippetName} yields the expected file, which parses and is clean`,
      file: fix.input,
      run: () => {
        if (!fs.existsSync(fix.output)) return `missing ${path.basename(fix.output)} beside ${path.basename(fix.input)}`;
        let result: { text: string; parseErrors: number };
        try {
          result = applyRuleFix(rules, rule, fix.input, fix.snippetName);
        } catch (err) {
          return (err as Error).message;
        }
        const expected = fs.readFileSync(fix.output, 'utf8');
        if (result.text !== expected) return `${path.basename(fix.input)}: the fixed text differs from ${path.basename(fix.output)}:\n--- expected\n${expected}\n--- actual\n${result.text}`;
        if (result.parseErrors > 0) return `${path.basename(fix.output)}: the fixed text has ${result.parseErrors} parse error(s)`;
        const left = findingsOf(rules, rule, fix.output, result.text).map((f) => f.range.startLine);
        if (left.length > 0) return `${path.basename(fix.output)}: the rule still reports line(s) ${left.join(', ')} after the fix`;
        return undefined;
      },
    });
  }
  return cases;
}
