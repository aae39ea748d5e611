/**
 * Finds the policy that applies to each file: the nearest `.trustline.{yaml,yml,json}` walking up from the
 * file's folder to the root, merged with every policy above it (until one says `root: true`). An explicit policy
 * file (`--config`) applies to every file instead. Each policy file is read once; its problems are reported once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Notice } from '../types';
import { loadPolicyFile, type PolicyFile } from './load-policy';
import { mergePolicies } from './merge-policy';
import { EMPTY_POLICY, POLICY_FILE_NAMES, type EffectivePolicy } from './policy-types';

/** Options of a {@link PolicyResolver}. */
export interface PolicyResolverOptions {
  /** The highest folder searched (the audit root or workspace folder); without it the search goes up to `/`. */
  root?: string;
  /** An explicit policy file that applies to every file; no discovery. */
  config?: string;
  /** No policy at all (`--no-policy`): every file gets the empty policy. */
  disabled?: boolean;
}

/** The policy file of one folder, if any. */
export function policyFileIn(dir: string): string | undefined {
  for (const name of POLICY_FILE_NAMES) {
    const file = path.join(dir, name);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
  }
  return undefined;
}

/** Resolves and caches effective policies per folder. */
export class PolicyResolver {
  /** Problems found in policy files, each once. */
  readonly notices: Notice[] = [];
  private readonly files = new Map<string, PolicyFile | undefined>();
  private readonly chains = new Map<string, readonly PolicyFile[]>();
  private readonly effective = new Map<string, EffectivePolicy>();
  private readonly root: string | undefined;
  private readonly config: string | undefined;
  private readonly disabled: boolean;

  constructor(options: PolicyResolverOptions = {}) {
    this.root = options.root !== undefined ? path.resolve(options.root) : undefined;
    this.config = options.config !== undefined ? path.resolve(options.config) : undefined;
    this.disabled = options.disabled === true;
  }

  /** The effective policy of a file (or folder). Files with the same policy chain share one object. */
  forFile(file: string): EffectivePolicy {
    if (this.disabled) return EMPTY_POLICY;
    const chain = this.config !== undefined ? this.explicitChain() : this.chainOf(path.dirname(path.resolve(file)));
    if (chain.length === 0) return EMPTY_POLICY;
    const key = chain.map((p) => p.file).join('\0');
    let policy = this.effective.get(key);
    if (!policy) {
      policy = mergePolicies(chain);
      this.effective.set(key, policy);
    }
    return policy;
  }

  /** Every policy file read so far. */
  loadedFiles(): PolicyFile[] {
    return [...this.files.values()].filter((p): p is PolicyFile => p !== undefined);
  }

  private read(file: string): PolicyFile | undefined {
    if (this.files.has(file)) return this.files.get(file);
    const loaded = loadPolicyFile(file, this.notices);
    this.files.set(file, loaded);
    return loaded;
  }

  private explicitChain(): readonly PolicyFile[] {
    const file = this.config!;
    const loaded = this.read(file);
    return loaded ? [loaded] : [];
  }

  private chainOf(dir: string): readonly PolicyFile[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const own = policyFileIn(dir);
    const loaded = own !== undefined ? this.read(own) : undefined;
    const parent = path.dirname(dir);
    const atTop = parent === dir || (this.root !== undefined && (dir === this.root || !isInside(this.root, dir)));
    const above = atTop || loaded?.document.root === true ? [] : this.chainOf(parent);
    const chain = loaded ? [...above, loaded] : above;
    this.chains.set(dir, chain);
    return chain;
  }
}

function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
