import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES, loadBuiltinRules } from '../../src/engine';
import { loadSnippet, snippetFile } from '../../src/engine/fixes/snippet-store';
import { ruleFixtures } from '../rules/fixture-runner';

const ROOT = path.resolve(__dirname, '..', '..');
const { rules } = loadBuiltinRules();

/** Every object schema node must describe itself and each of its properties. */
function undocumented(schema: unknown, pointer = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const out: string[] = [];
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => out.push(...undocumented(s, `${pointer}/${i}`)));
    return out;
  }
  const props: unknown = Reflect.get(schema, 'properties');
  if (typeof props === 'object' && props !== null) {
    for (const [key, sub] of Object.entries(props)) {
      const isRef = typeof sub === 'object' && sub !== null && '$ref' in sub;
      if (typeof sub !== 'object' || sub === null || (!('description' in sub) && !isRef)) out.push(`${pointer}/properties/${key}`);
    }
  }
  for (const [key, value] of Object.entries(schema)) out.push(...undocumented(value, `${pointer}/${key}`));
  return out;
}

describe('rule catalogue completeness', () => {
  it('has unique rule ids in <area>/<kebab-name> form', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers all eight categories', () => {
    const covered = new Set(rules.map((r) => r.category));
    assert.deepEqual(CATEGORIES.filter((c) => !covered.has(c)), []);
  });

  it('documents every rule: why, bad, good, how to fix', () => {
    const missing = rules.flatMap((r) => ['## Why it matters', '## Bad', '## Good', '## How to fix'].filter((h) => !r.docs.includes(h)).map((h) => `${r.id}: ${h}`));
    assert.deepEqual(missing, []);
  });

  it('gives every rule positive and negative fixtures, and every fix an expected-output fixture', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      const fx = ruleFixtures(rule);
      if (fx.positives.length === 0) problems.push(`${rule.id}: no positive fixture`);
      if (fx.negatives.length === 0) problems.push(`${rule.id}: no negative fixture`);
      for (const ref of rule.definition.fixes ?? []) {
        const name = ref.snippet.split('/').pop();
        const pair = fx.fixes.find((f) => f.snippetName === name);
        if (!pair) problems.push(`${rule.id}: fix ${ref.snippet} has no fix.${name}.input/.output fixture`);
        else if (!fs.existsSync(pair.output)) problems.push(`${rule.id}: missing ${path.basename(pair.output)}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('references only snippets that exist and validate', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      for (const ref of rule.definition.fixes ?? []) {
        const file = snippetFile(path.join(ROOT, 'snippets'), ref.snippet);
        if (!file) problems.push(`${rule.id}: snippet ${ref.snippet} not found`);
        else {
          const s = loadSnippet(file);
          if ('code' in s) problems.push(`${rule.id}: ${s.message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('describes every field of the rule, pack, snippet and policy schemas', () => {
    for (const name of ['rule', 'pack', 'snippet', 'policy']) {
      const schema: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'schema', `${name}.schema.json`), 'utf8'));
      assert.deepEqual(undocumented(schema), [], `${name}.schema.json`);
    }
  });

  it('has at least 24 rules', () => {
    assert.ok(rules.length >= 24, `only ${rules.length} rules`);
  });
});
