import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { compilePattern } from '../match/compile-pattern';
import type { Compiled } from '../match/compiled';
import { PatternError } from '../match/compiled';
import { compileNameSpec } from '../match/name-spec';
import { packageRoot } from '../package-root';
import type { Notice } from '../types';
import { readDataFile, type DataFile } from './read-data-file';
import type { LoadedRule, RuleDefinition } from './rule-types';
import { validateAgainst } from './schema-validator';
import { readBuiltinSnapshot } from './builtin-snapshot';
import { packContentHash } from './pack-hash';
import { namesCode, resolvePackReference } from './resolve-pack';
import { checkPolicyReferences } from '../policy/policy-references';

/** A pack that was loaded: what an audit records to say exactly which rules it ran (SARIF `tool.extensions`). */
export interface PackInfo {
  name: string;
  version: string;
  description?: string;
  /** Absolute pack folder. */
  dir: string;
  /** Absolute manifest file. */
  manifest: string;
  /** `sha256:<hex>` over the pack's files (see pack-hash.ts). */
  contentHash: string;
}

/** Rules that loaded, and notices for everything that did not. */
export interface RuleSet {
  rules: LoadedRule[];
  notices: Notice[];
  /** Packs loaded (extended packs first); absent for the built-in pack. */
  packs?: PackInfo[];
}

/** A loaded rule's compiled pattern. Kept beside the plain-data rule so rules stay serializable. */
const compiledPatterns = new WeakMap<LoadedRule, Compiled>();

/** The compiled pattern of a loaded rule. */
export function compiledPatternOf(rule: LoadedRule): Compiled {
  const c = compiledPatterns.get(rule);
  if (!c) throw new Error(`rule ${rule.id} was not loaded by the rule loader`);
  return c;
}

/** Folder of the built-in pack. */
export function builtinPackDir(): string {
  return path.join(packageRoot(), 'rules', 'builtin');
}

const PACK_MANIFESTS = ['pack.yaml', 'pack.yml', 'pack.json'];
const RULE_FILES = ['rule.yaml', 'rule.yml', 'rule.json'];

interface PackManifest {
  name: string;
  version: string;
  description?: string;
  rules: string[];
  extends?: string[];
}

function issueNotice(file: string, data: DataFile, pointer: string, message: string, code: string): Notice {
  const line = data.lineOf(pointer);
  const where = pointer === '' ? '' : ` at ${pointer}`;
  return { level: 'error', code, message: `${path.basename(file)}${line ? `:${line}` : ''}${where}: ${message}`, file, line, pointer };
}

function isPackManifest(v: unknown): v is PackManifest {
  return typeof v === 'object' && v !== null && validateAgainst('pack', v).length === 0;
}

function isRuleDefinition(v: unknown): v is RuleDefinition {
  return typeof v === 'object' && v !== null && validateAgainst('rule', v).length === 0;
}

function listFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Loads one rule file of a pack. Returns undefined (with notices) when the rule is invalid. */
export function loadRuleFile(file: string, packDir: string, packName: string, notices: Notice[], builtin = false): LoadedRule | undefined {
  let data: DataFile;
  try {
    data = readDataFile(file);
  } catch (err) {
    notices.push({ level: 'error', code: 'invalid-rule', message: `${file}: cannot read rule file: ${(err as Error).message}`, file });
    return undefined;
  }
  if (data.errors.length > 0) {
    for (const e of data.errors) notices.push({ level: 'error', code: 'invalid-rule', message: `${path.basename(file)}:${e.line}: ${e.message}`, file, line: e.line });
    return undefined;
  }
  const issues = validateAgainst('rule', data.data);
  if (issues.length > 0 || !isRuleDefinition(data.data)) {
    for (const i of issues) notices.push(issueNotice(file, data, i.pointer, i.message, 'invalid-rule'));
    return undefined;
  }
  const def = data.data;
  const dir = path.dirname(file);
  const expectedId = path.relative(packDir, dir).split(path.sep).join('/');
  if (def.id !== expectedId) {
    notices.push(issueNotice(file, data, '/id', `rule id "${def.id}" must equal its folder path "${expectedId}"`, 'invalid-rule'));
    return undefined;
  }
  let compiled: Compiled;
  try {
    compiled = compilePattern(def.match);
  } catch (err) {
    if (err instanceof PatternError) {
      notices.push({ ...issueNotice(file, data, err.pointer, err.message, 'invalid-rule'), ruleId: def.id });
      return undefined;
    }
    throw err;
  }
  if (!compiled.kinds || compiled.kinds.size === 0) {
    notices.push({
      ...issueNotice(file, data, '/match', 'the pattern must fix the node kind (use `kind`, `call` or `operator` at its top level)', 'invalid-rule'),
      ruleId: def.id,
    });
    return undefined;
  }
  const refIssues = checkPolicyReferences(def);
  if (refIssues.length > 0) {
    for (const i of refIssues) notices.push({ ...issueNotice(file, data, i.pointer, i.message, 'invalid-rule'), ruleId: def.id });
    return undefined;
  }
  if (def.requires?.text !== undefined) {
    try {
      compileNameSpec(def.requires.text, '/requires/text');
    } catch (err) {
      if (err instanceof PatternError) {
        notices.push({ ...issueNotice(file, data, err.pointer, err.message, 'invalid-rule'), ruleId: def.id });
        return undefined;
      }
      throw err;
    }
  }
  const docsFile = path.join(dir, def.docs ?? 'docs.md');
  let docs = '';
  if (fs.existsSync(docsFile)) docs = fs.readFileSync(docsFile, 'utf8');
  else notices.push({ level: 'warning', code: 'missing-docs', message: `${def.id}: documentation ${path.basename(docsFile)} not found beside the rule`, file, ruleId: def.id });
  const rule = makeLoadedRule(def, file, packName, docs, compiled);
  if (!builtin) rule.packDir = packDir;
  return rule;
}

/** Builds the plain-data rule and remembers its compiled pattern. */
function makeLoadedRule(def: RuleDefinition, file: string, packName: string, docs: string, compiled: Compiled): LoadedRule {
  const rule: LoadedRule = {
    id: def.id,
    title: def.title,
    category: def.category,
    severity: def.severity,
    confidence: def.confidence,
    message: def.message,
    tags: { cwe: def.cwe, asvs: def.asvs, nhi: def.nhi, csf: def.csf },
    frameworks: def.frameworks ?? [],
    docs,
    dir: path.dirname(file),
    file,
    pack: packName,
    definition: def,
  };
  compiledPatterns.set(rule, compiled);
  return rule;
}

/**
 * Rebuilds a rule from a definition that was validated when it was snapshotted (see builtin-snapshot.ts):
 * no YAML parsing and no schema validation, only pattern compilation.
 */
export function ruleFromSnapshot(def: RuleDefinition, file: string, packName: string, docs: string): LoadedRule {
  return makeLoadedRule(def, file, packName, docs, compilePattern(def.match));
}

function loadPackDir(dir: string, manifestFile: string, out: RuleSet, seen: Set<string>): void {
  if (namesCode(manifestFile)) {
    out.notices.push({ level: 'error', code: 'invalid-pack', message: `${manifestFile}: a pack manifest must be YAML or JSON (packs are data only)`, file: manifestFile });
    return;
  }
  const real = fs.realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let data: DataFile;
  try {
    data = readDataFile(manifestFile);
  } catch (err) {
    out.notices.push({ level: 'error', code: 'invalid-pack', message: `${manifestFile}: ${(err as Error).message}`, file: manifestFile });
    return;
  }
  if (data.errors.length > 0) {
    for (const e of data.errors) out.notices.push({ level: 'error', code: 'invalid-pack', message: `${path.basename(manifestFile)}:${e.line}: ${e.message}`, file: manifestFile, line: e.line });
    return;
  }
  const issues = validateAgainst('pack', data.data);
  if (issues.length > 0 || !isPackManifest(data.data)) {
    for (const i of issues) out.notices.push(issueNotice(manifestFile, data, i.pointer, i.message, 'invalid-pack'));
    return;
  }
  const manifest = data.data;
  (manifest.extends ?? []).forEach((ext, i) => {
    const target = resolvePackReference(ext, dir);
    if ('path' in target) loadPath(target.path, out, seen);
    else out.notices.push(issueNotice(manifestFile, data, `/extends/${i}`, `${manifest.name}: ${target.error}`, 'invalid-pack'));
  });
  const globs = manifest.rules.filter((glob, i) => {
    if (!namesCode(glob)) return true;
    out.notices.push(issueNotice(manifestFile, data, `/rules/${i}`, `"${glob}" names code; rules are rule.yaml / rule.json files (packs are data only)`, 'invalid-pack'));
    return false;
  });
  const isBuiltin = path.resolve(dir) === path.resolve(builtinPackDir());
  if (!isBuiltin) {
    out.packs ??= [];
    out.packs.push({ name: manifest.name, version: manifest.version, description: manifest.description, dir, manifest: manifestFile, contentHash: packContentHash(dir) });
  }
  const isRule = picomatch(globs, { dot: false });
  for (const file of listFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (!isRule(rel) || !RULE_FILES.includes(path.basename(file))) continue;
    const rule = loadRuleFile(file, dir, manifest.name, out.notices, isBuiltin);
    if (rule) out.rules.push(rule);
  }
}

function loadPath(target: string, out: RuleSet, seen: Set<string>): void {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) {
    out.notices.push({ level: 'error', code: 'invalid-pack', message: `rule pack not found: ${target}`, file: target });
    return;
  }
  if (stat.isDirectory()) {
    const manifest = PACK_MANIFESTS.map((m) => path.join(target, m)).find((m) => fs.existsSync(m));
    if (manifest) {
      loadPackDir(target, manifest, out, seen);
      return;
    }
    out.notices.push({ level: 'error', code: 'invalid-pack', message: `${target}: not a rule pack (expected one of ${PACK_MANIFESTS.join(', ')} in the folder)`, file: target });
    return;
  }
  const dir = path.dirname(target);
  if (PACK_MANIFESTS.includes(path.basename(target))) {
    loadPackDir(dir, target, out, seen);
    return;
  }
  out.notices.push({ level: 'error', code: 'invalid-pack', message: `${target}: expected a pack folder or pack manifest`, file: target });
}

function dedupe(set: RuleSet): RuleSet {
  const byId = new Map<string, LoadedRule>();
  for (const rule of set.rules) {
    const prev = byId.get(rule.id);
    if (prev) {
      set.notices.push({ level: 'warning', code: 'duplicate-rule', message: `rule ${rule.id} from ${rule.pack} replaces the one from ${prev.pack}`, file: rule.file, ruleId: rule.id });
    }
    byId.set(rule.id, rule);
  }
  return { rules: [...byId.values()], notices: set.notices, packs: set.packs };
}

/** Loads packs (folders with a manifest, or manifest files). Invalid rules are reported; the rest still load. */
export function loadRulePacks(paths: string[]): RuleSet {
  const out: RuleSet = { rules: [], notices: [] };
  const seen = new Set<string>();
  for (const p of paths) loadPath(path.resolve(p), out, seen);
  return dedupe(out);
}

let builtin: RuleSet | undefined;

/**
 * The built-in pack (loaded once per process): from the build's snapshot when it matches the sources,
 * otherwise from the sources with full validation.
 */
export function loadBuiltinRules(): RuleSet {
  return (builtin ??= readBuiltinSnapshot(builtinPackDir()) ?? loadRulePacks([builtinPackDir()]));
}
