/**
 * One analyzer per policy scope. Files under the same chain of policy files share an analyzer built with that
 * effective policy and the rules it runs: the base rules (built-in and explicitly given packs) plus the packs the
 * policy `extends`. Front ends (the CLI audit, the editor, the workspace audit worker) ask for the analyzer of a
 * file and whether the policy ignores it. Problems (invalid policy files, packs that do not load, unknown rule ids)
 * are collected once each.
 */
import * as path from 'node:path';
import { Analyzer, type AnalyzerOptions } from '../analyzer';
import { globTest } from '../context/file-policy-facts';
import { loadRulePacks, type PackInfo } from '../rules/load-rules';
import { resolvePackReference } from '../rules/resolve-pack';
import type { LoadedRule } from '../rules/rule-types';
import type { Notice } from '../types';
import { checkPolicyRules } from './check-policy-rules';
import { policyNotice } from './load-policy';
import type { PolicyResolver } from './policy-resolver';
import type { EffectivePolicy } from './policy-types';

/** Options of {@link PolicyAnalyzers}. */
export interface PolicyAnalyzersOptions {
  /** Finds the policy of each file. */
  resolver: PolicyResolver;
  /** Rules that always run (built-in, and packs given on the command line or in settings). */
  baseRules: LoadedRule[];
  /** Load the packs policies `extends` (false in an untrusted workspace: built-in rules only). */
  allowExtends: boolean;
  /** Everything else the analyzers take. */
  analyzer: Omit<AnalyzerOptions, 'rules' | 'policy'>;
}

interface Scope {
  analyzer: Analyzer;
  rules: LoadedRule[];
  ignore: Array<(file: string) => boolean>;
}

/** Analyzers per policy scope, with the policy's ignores. */
export class PolicyAnalyzers {
  private readonly scopes = new Map<EffectivePolicy, Scope>();
  private readonly packSets = new Map<string, { rules: LoadedRule[]; notices: Notice[]; packs: PackInfo[] }>();
  private readonly noticeKeys = new Set<string>();
  private readonly checkedPolicies = new Set<string>();
  /** Problems found so far (policy files, extended packs, rule entries), each once, in the order found. */
  readonly notices: Notice[] = [];
  /** Packs loaded through `extends`, each once. */
  readonly packs: PackInfo[] = [];

  constructor(private readonly options: PolicyAnalyzersOptions) {}

  /** The effective policy of a file. */
  policyOf(file: string): EffectivePolicy {
    return this.options.resolver.forFile(file);
  }

  /** `true` when the file's policy ignores it (its `ignore` globs, accumulated from the top down). */
  isIgnored(file: string): boolean {
    return this.scope(this.policyOf(file)).ignore.some((test) => test(path.resolve(file)));
  }

  /** The analyzer for a file. */
  analyzerFor(file: string): Analyzer {
    return this.scope(this.policyOf(file)).analyzer;
  }

  /** The rules that run on a file (base rules plus its policy's packs). */
  rulesFor(file: string): LoadedRule[] {
    return this.scope(this.policyOf(file)).rules;
  }

  /** Every rule any scope built so far runs, each id once (the last definition wins). */
  allRules(): LoadedRule[] {
    const byId = new Map<string, LoadedRule>();
    for (const r of this.options.baseRules) byId.set(r.id, r);
    for (const scope of this.scopes.values()) for (const r of scope.rules) byId.set(r.id, r);
    return [...byId.values()];
  }

  private add(notices: readonly Notice[]): void {
    for (const n of notices) {
      const key = JSON.stringify([n.level, n.code, n.message, n.file, n.line, n.pointer, n.ruleId]);
      if (this.noticeKeys.has(key)) continue;
      this.noticeKeys.add(key);
      this.notices.push(n);
    }
  }

  private scope(policy: EffectivePolicy): Scope {
    const cached = this.scopes.get(policy);
    if (cached) return cached;
    this.add(this.options.resolver.notices);
    const rules = this.rulesOf(policy);
    for (const file of this.options.resolver.loadedFiles()) {
      if (!policy.files.includes(file.file) || this.checkedPolicies.has(file.file)) continue;
      this.checkedPolicies.add(file.file);
      this.add(checkPolicyRules(file, rules));
    }
    const scope: Scope = {
      analyzer: new Analyzer({ ...this.options.analyzer, rules, policy }),
      rules,
      ignore: policy.ignore.map(globTest),
    };
    this.scopes.set(policy, scope);
    return scope;
  }

  private rulesOf(policy: EffectivePolicy): LoadedRule[] {
    if (policy.extends.length === 0) return this.options.baseRules;
    if (!this.options.allowExtends) {
      this.add(
        policy.extends.map((e) => ({
          ...policyNotice(e.file, e.line, e.pointer, `pack "${e.spec}" is not loaded: the workspace is not trusted (built-in rules only until it is)`, 'warning'),
          code: 'untrusted-pack',
        })),
      );
      return this.options.baseRules;
    }
    const paths: string[] = [];
    policy.extends.forEach((entry) => {
      const target = resolvePackReference(entry.spec, entry.base);
      if ('path' in target) paths.push(target.path);
      else this.add([policyNotice(entry.file, entry.line, entry.pointer, target.error)]);
    });
    const key = paths.join('\0');
    let set = this.packSets.get(key);
    if (!set) {
      const loaded = paths.length > 0 ? loadRulePacks(paths) : { rules: [], notices: [], packs: [] };
      set = { rules: loaded.rules, notices: loaded.notices, packs: loaded.packs ?? [] };
      this.packSets.set(key, set);
      for (const p of set.packs) if (!this.packs.some((q) => q.dir === p.dir)) this.packs.push(p);
    }
    this.add(set.notices);
    const byId = new Map<string, LoadedRule>();
    for (const r of this.options.baseRules) byId.set(r.id, r);
    for (const r of set.rules) {
      const prev = byId.get(r.id);
      if (prev && prev !== r) {
        this.add([{ level: 'warning', code: 'duplicate-rule', message: `rule ${r.id} from pack ${r.pack} replaces the one from pack ${prev.pack}`, file: r.file, ruleId: r.id }]);
      }
      byId.set(r.id, r);
    }
    return [...byId.values()];
  }
}
