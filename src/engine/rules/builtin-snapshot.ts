import { compileWithoutHazardCheck } from '../match/name-spec';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../package-root';
import type { RuleSet } from './load-rules';
import { loadRulePacks, ruleFromSnapshot } from './load-rules';
import type { RuleDefinition } from './rule-types';

/**
 * The built-in pack as the build validated it: definitions and docs, keyed by a hash of the sources. Loading
 * it skips YAML parsing and JSON Schema compilation (tens of MB of memory and most of the start-up time);
 * a hash mismatch (rules edited since the build) falls back to loading the sources.
 */
interface BuiltinSnapshot {
  format: 1;
  hash: string;
  pack: string;
  rules: Array<{ file: string; docs: string; definition: RuleDefinition }>;
}

/** Where the build writes the snapshot. */
export function builtinSnapshotFile(): string {
  return path.join(packageRoot(), 'dist', 'builtin-pack.json');
}

/** Hash of everything the built-in pack is loaded from (rule files, docs, manifest, schemas), fixtures excluded. */
export function builtinSourceHash(packDir: string): string {
  const hash = createHash('sha256');
  const schemaDir = path.join(path.dirname(packDir), 'schema');
  for (const dir of [packDir, schemaDir]) {
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.parentPath.split(path.sep).includes('fixtures'))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files) {
      hash.update(path.relative(dir, file));
      hash.update('\0');
      hash.update(fs.readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

function isSnapshot(v: unknown): v is BuiltinSnapshot {
  return (
    typeof v === 'object' &&
    v !== null &&
    Reflect.get(v, 'format') === 1 &&
    typeof Reflect.get(v, 'hash') === 'string' &&
    typeof Reflect.get(v, 'pack') === 'string' &&
    Array.isArray(Reflect.get(v, 'rules'))
  );
}

/** Loads the built-in pack from the snapshot, or returns undefined when it is missing or stale. */
export function readBuiltinSnapshot(packDir: string, file = builtinSnapshotFile()): RuleSet | undefined {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isSnapshot(data) || data.hash !== builtinSourceHash(packDir)) return undefined;
  const snapshot = data;
  const rules = compileWithoutHazardCheck(() => snapshot.rules.map((r) => ruleFromSnapshot(r.definition, path.join(packDir, r.file), snapshot.pack, r.docs)));
  return { rules, notices: [] };
}

/**
 * Validates the built-in pack from its sources and writes the snapshot. Returns the load notices; nothing is
 * written when any of them is an error.
 */
export function writeBuiltinSnapshot(packDir: string, file = builtinSnapshotFile()): RuleSet {
  const set = loadRulePacks([packDir]);
  if (set.notices.some((n) => n.level === 'error')) return set;
  const snapshot: BuiltinSnapshot = {
    format: 1,
    hash: builtinSourceHash(packDir),
    pack: set.rules[0]?.pack ?? 'trustline',
    rules: set.rules.map((r) => ({ file: path.relative(packDir, r.file), docs: r.docs, definition: r.definition })),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(snapshot));
  return set;
}
