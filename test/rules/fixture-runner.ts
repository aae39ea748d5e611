import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, WorkspaceResolver, type Finding, type LoadedRule } from '../../src/engine';
import { applyFixToText } from '../../src/engine/fixes/build-fix';
import { parseErrorCount, parseSource } from '../../src/engine/parse';

/** Fixture files of a rule folder, by role. */
export interface RuleFixtures {
  positives: string[];
  negatives: string[];
  /** `fix.<snippet-name>.input.<ext>` → `fix.<snippet-name>.output.<ext>`. */
  fixes: Array<{ snippetName: string; input: string; output: string }>;
}

/** Lists a rule's fixtures (`fixtures/` beside its rule file). */
export function ruleFixtures(rule: LoadedRule): RuleFixtures {
  const dir = path.join(rule.dir, 'fixtures');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  const out: RuleFixtures = { positives: [], negatives: [], fixes: [] };
  for (const f of files) {
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

/**
 * An analyzer for fixtures: root is the fixture folder, so fixture paths do not look like test files. Helpers
 * that fixtures import from sub-folders (`./lib/hash`) resolve as in an audit.
 */
export function fixtureAnalyzer(rules: LoadedRule[], file: string): Analyzer {
  return new Analyzer({ rules, root: path.dirname(file), today: '2026-01-01', crossFile: new WorkspaceResolver(path.dirname(file)) });
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
