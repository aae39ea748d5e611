/**
 * `trustline packs validate`: a pack's manifest and rules against the schemas (through the engine's loader, which
 * also checks ids against folders, regex safety and policy references), then its references — snippets exist and
 * validate, every rule has documentation with the four sections, positive and negative fixtures, and a fix
 * fixture pair per fix — and that it holds data only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBuiltinRules, loadRulePacks, ruleFixtures, type LoadedRule, type Notice, type PackInfo } from '../../engine';
import { loadSnippet, snippetFile } from '../../engine/fixes/snippet-store';
import { packageRoot } from '../../engine/package-root';

/** What validating a pack found. */
export interface PackCheck {
  pack?: PackInfo;
  /** The pack's own rules (not those of packs it extends). */
  rules: LoadedRule[];
  /** Every rule the pack's fixtures run with (built-in, extended packs, the pack). */
  allRules: LoadedRule[];
  notices: Notice[];
}

const DOC_SECTIONS = ['## Why it matters', '## Bad', '## Good', '## How to fix'];
const CODE_FILE = /\.(c|m)?[jt]sx?$|\.node$|\.wasm$|\.(sh|py|rb|ps1|bat|cmd)$/i;

function codeOutsideFixtures(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git' || e.name === 'fixtures') continue;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (CODE_FILE.test(e.name)) out.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

function notice(level: Notice['level'], message: string, file?: string, ruleId?: string): Notice {
  return { level, code: 'pack-check', message, file, ruleId };
}

/**
 * Loads and checks a pack.
 * @param dir - The pack folder (with pack.yaml / pack.json) or manifest file.
 */
export function checkPack(dir: string): PackCheck {
  const loaded = loadRulePacks([dir]);
  const packDir = existsSync(dir) && !/\.(ya?ml|json)$/.test(dir) ? path.resolve(dir) : path.dirname(path.resolve(dir));
  const pack = loaded.packs?.find((p) => path.resolve(p.dir) === packDir);
  const rules = loaded.rules.filter((r) => r.packDir !== undefined && path.resolve(r.packDir) === packDir);
  const notices: Notice[] = [...loaded.notices];
  const builtin = loadBuiltinRules().rules;
  const byId = new Map<string, LoadedRule>();
  for (const r of [...builtin, ...loaded.rules]) byId.set(r.id, r);
  if (!pack) return { rules, allRules: [...byId.values()], notices };
  for (const rule of rules) {
    const missing = DOC_SECTIONS.filter((h) => !rule.docs.includes(h));
    if (rule.docs !== '' && missing.length > 0) notices.push(notice('warning', `${rule.id}: docs lack ${missing.join(', ')}`, rule.file, rule.id));
    const fx = ruleFixtures(rule);
    if (fx.positives.length === 0) notices.push(notice('error', `${rule.id}: no positive fixture (fixtures/positive.ts with // expect: ${rule.id} on the reported lines)`, rule.file, rule.id));
    if (fx.negatives.length === 0) notices.push(notice('error', `${rule.id}: no negative fixture (fixtures/negative.ts: realistic safe code)`, rule.file, rule.id));
    for (const ref of rule.definition.fixes ?? []) {
      const file = snippetFile(path.join(packDir, 'snippets'), ref.snippet) ?? snippetFile(path.join(packageRoot(), 'snippets'), ref.snippet);
      if (!file) {
        notices.push(notice('error', `${rule.id}: fix snippet ${ref.snippet} not found (expected snippets/${ref.snippet}.yaml in the pack)`, rule.file, rule.id));
        continue;
      }
      const snippet = loadSnippet(file);
      if ('code' in snippet) notices.push(notice('error', `${rule.id}: ${snippet.message}`, file, rule.id));
      const name = ref.snippet.split('/').pop();
      const pair = fx.fixes.find((f) => f.snippetName === name);
      if (!pair) notices.push(notice('error', `${rule.id}: fix ${ref.snippet} has no fixtures/fix.${name}.input.ts / .output.ts pair`, rule.file, rule.id));
      else if (!existsSync(pair.output)) notices.push(notice('error', `${rule.id}: missing ${path.basename(pair.output)}`, pair.input, rule.id));
    }
  }
  for (const file of codeOutsideFixtures(packDir)) {
    notices.push(notice('warning', `${file}: code outside fixtures/ is never loaded (packs are data only); leave it out of the published package`, path.join(packDir, file)));
  }
  const manifest = path.join(packDir, 'package.json');
  if (existsSync(manifest)) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      const scripts: unknown = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'scripts') : undefined;
      const hooks = typeof scripts === 'object' && scripts !== null ? Object.keys(scripts).filter((k) => /^(pre|post)?install$|^prepare$/.test(k)) : [];
      if (hooks.length > 0) notices.push(notice('warning', `package.json has install scripts (${hooks.join(', ')}): a rule pack needs none, and users installing it run them`, manifest));
      for (const key of ['main', 'bin', 'exports']) {
        if (typeof pkg === 'object' && pkg !== null && Reflect.get(pkg, key) !== undefined) notices.push(notice('warning', `package.json "${key}" is ignored: Trustline reads pack.yaml, never code`, manifest));
      }
    } catch (err) {
      notices.push(notice('error', `package.json is not valid JSON: ${(err as Error).message}`, manifest));
    }
  }
  return { pack, rules, allRules: [...byId.values()], notices };
}
