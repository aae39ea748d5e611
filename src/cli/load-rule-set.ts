/**
 * Loads the rules a command runs: the built-in pack plus packs given with `--rules`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadBuiltinRules, loadRulePacks, type LoadedRule, type Notice, type PackInfo } from '../engine';
import { UsageError } from './usage-error';

/** Rules in load order (built-in first) and the notices loading produced. */
export interface CliRuleSet {
  rules: LoadedRule[];
  notices: Notice[];
  /** The `--rules` packs (and packs they extend): name, version, content hash. */
  packs: PackInfo[];
}

/**
 * Loads built-in rules and the given packs. Invalid rules inside a pack become notices (the run goes
 * on); a pack path that does not exist, or a pack the engine cannot load at all, is a usage error.
 * When two rules share an id the one loaded later (a pack's) replaces the earlier one, with a
 * `duplicate-rule` notice, as the engine does within one `loadRulePacks` call.
 * @param packPaths - `--rules` values as typed.
 * @param cwd - Directory they are relative to.
 * @throws {@link UsageError} for missing or unloadable packs.
 */
export function loadRuleSet(packPaths: readonly string[], cwd: string): CliRuleSet {
  const absolute = packPaths.map((p) => path.resolve(cwd, p));
  absolute.forEach((abs, i) => {
    if (!existsSync(abs)) {
      throw new UsageError(`--rules path not found: ${packPaths[i]} (expected a rule pack folder or pack file)`);
    }
  });
  const builtin = guard('the built-in rules', () => loadBuiltinRules());
  const packs = absolute.length > 0 ? guard(`rule pack ${packPaths.join(', ')}`, () => loadRulePacks(absolute)) : undefined;
  const notices = [...builtin.notices, ...(packs?.notices ?? [])];
  const byId = new Map<string, LoadedRule>();
  for (const rule of [...builtin.rules, ...(packs?.rules ?? [])]) {
    const previous = byId.get(rule.id);
    if (previous) {
      byId.delete(rule.id);
      notices.push({
        level: 'warning',
        code: 'duplicate-rule',
        message: `rule ${rule.id} from pack ${rule.pack} replaces the one from pack ${previous.pack}`,
        file: rule.file,
        ruleId: rule.id,
      });
    }
    byId.set(rule.id, rule);
  }
  const rules = [...byId.values()];
  return { rules, notices, packs: packs?.packs ?? [] };
}

function guard<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`could not load ${what}: ${reason.split('\n')[0]}`);
  }
}
