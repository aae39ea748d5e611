import type { Category, Confidence, FrameworkTags, Severity } from '../types';
import type { NameSpec, Pattern } from '../match/pattern-types';

/** A reference from a rule to a fix template in `snippets/`. */
export interface FixReference {
  /** Snippet id: path under `snippets/` without extension, e.g. `secret/env-read`. */
  snippet: string;
  /** Title shown to the user; may use `{{capture}}` placeholders. */
  title: string;
  /** Which capture's node the fix replaces (default: the finding's node). */
  target?: string;
  /** `true` (default) when applying the fix changes runtime behaviour. */
  changesBehavior?: boolean;
}

/** An option a rule declares; the policy sets it under `rules.<id>.options.<name>`. */
export interface RuleOptionDeclaration {
  type: 'duration' | 'number' | 'string' | 'boolean' | 'strings';
  description: string;
  /** Used when the policy does not set the option. */
  default?: unknown;
}

/** A rule exactly as written in a rule file (validated by `rules/schema/rule.schema.json`). */
export interface RuleDefinition {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  message: string;
  docs?: string;
  cwe: string[];
  asvs: string[];
  nhi: string[];
  csf: string[];
  frameworks?: string[];
  /**
   * File-level prefilter: the rule only runs on files whose text matches `text` (checked once per file), and only
   * when every policy setting in `policy` is set (`tokenLifetimes.accessToken`, `options.maxAge`, ...), and
   * `path` on files whose path relative to the root matches one of these globs.
   */
  requires?: { text?: NameSpec; policy?: string[]; path?: string | string[] };
  /** Options the rule takes from the policy's `rules.<id>.options`, by name. */
  options?: Record<string, RuleOptionDeclaration>;
  /** Capture whose node is reported (default: the matched node). */
  report?: string;
  match: Pattern;
  fixes?: FixReference[];
}

/** A rule after loading: its definition plus where it came from and its documentation. */
export interface LoadedRule {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  message: string;
  tags: FrameworkTags;
  frameworks: string[];
  /** Markdown documentation (why, bad/good example, how to fix). */
  docs: string;
  /** Absolute path of the rule's folder. */
  dir: string;
  /** Absolute path of the rule file. */
  file: string;
  /** Name of the pack the rule came from (`trustline` for the built-in pack). */
  pack: string;
  /** Absolute folder of the pack the rule came from (its `snippets/` hold the rule's fix templates); absent for built-in rules. */
  packDir?: string;
  definition: RuleDefinition;
}
