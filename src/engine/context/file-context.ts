import * as path from 'node:path';
import { ts } from '../ts';
import { Bindings } from './bindings';
import { CallIndex } from './call-index';
import { Constants } from './constants';
import type { FileIndex } from './file-index';
import type { CrossFileResolver } from '../flow/callee-definition';
import { isClientCode, isTestPath } from './file-kind';
import type { FilePolicyFacts } from './file-policy-facts';
import { someNamePasses, type NameTest } from '../match/name-spec';
import { internedIdentifiers } from '../parse';

/**
 * Everything rules may ask about one file, computed at most once per file and shared by all matchers.
 * Bindings and constants are built lazily: a file no rule queries pays nothing for them.
 */
export class FileContext {
  private bindingsCache?: Bindings;
  private callIndexCache?: CallIndex;
  private constantsCache?: Constants;
  private testCache?: boolean;
  private clientCache?: boolean;
  private variablesByName?: Map<string, ts.VariableDeclaration[]>;
  private nameOccurrences?: Map<NameTest, boolean>;

  /** Path relative to the analysis root, with forward slashes. */
  readonly relPath: string;

  /**
   * Answers "does some identifier or short literal of the file pass this test?" when the parser's identifier table
   * is unavailable (the editor's incrementally re-parsed trees answer statement by statement, see incremental/).
   * Without either, name questions answer "maybe".
   */
  nameOccurs?: (test: NameTest) => boolean;

  /** Resolves functions imported from other workspace files (audits only; absent in the editor). */
  crossFile?: CrossFileResolver;

  /** Facts the team policy decides (trust-boundary globs, approved auth modules); absent without a policy. */
  policyFacts?: FilePolicyFacts;

  constructor(
    readonly file: string,
    readonly sourceFile: ts.SourceFile,
    readonly index: FileIndex,
    root: string | undefined,
  ) {
    this.relPath = relativePath(root, file);
  }

  /** Import-binding resolution for this file. */
  get bindings(): Bindings {
    return (this.bindingsCache ??= new Bindings(this.index));
  }

  /** The file's calls by method name, callee identity and own name (built on first use). */
  get callIndex(): CallIndex {
    return (this.callIndexCache ??= new CallIndex(
      this.index.calls,
      this.bindings,
      this.index.parts?.map((p) => p.calls),
    ));
  }

  /** Constant resolution for this file. */
  get constants(): Constants {
    return (this.constantsCache ??= new Constants(this.index));
  }

  /** Variable declarations with a plain identifier name, by name (built on first use). */
  variablesNamed(name: string): readonly ts.VariableDeclaration[] {
    if (!this.variablesByName) {
      this.variablesByName = new Map();
      for (const decl of this.index.variables) {
        if (!ts.isIdentifier(decl.name)) continue;
        const list = this.variablesByName.get(decl.name.text);
        if (list) list.push(decl);
        else this.variablesByName.set(decl.name.text, [decl]);
      }
    }
    return this.variablesByName.get(name) ?? [];
  }

  /**
   * `true` when some identifier or string literal of the file passes one of `tests` — every name a node can have
   * comes from one of those. Answered once per file and test; `true` when the file's identifiers are not known
   * (see {@link identifiers}), so callers only ever skip work on a definite no.
   */
  someNameOccurs(tests: readonly NameTest[]): boolean {
    this.nameOccurrences ??= new Map();
    let all = true;
    for (const test of tests) {
      let hit = this.nameOccurrences.get(test);
      if (hit === undefined) {
        hit = this.nameOccursUncached(test);
        this.nameOccurrences.set(test, hit);
      }
      if (hit) return true;
      all = false;
    }
    return all;
  }

  private nameOccursUncached(test: NameTest): boolean {
    const identifiers = internedIdentifiers(this.sourceFile);
    if (!identifiers) return this.nameOccurs ? this.nameOccurs(test) : true;
    return someNamePasses(identifiers, this.index.literals, test);
  }

  /** Test, spec, fixture or example file. */
  get isTest(): boolean {
    return (this.testCache ??= isTestPath(this.relPath));
  }

  /** Inside the policy's approved auth modules; `undefined` when the policy lists none. */
  get isApprovedAuthModule(): boolean | undefined {
    return this.policyFacts?.approvedAuthModule(this.file);
  }

  /** Client-side code (browser or app bundle): a directive, else the policy's trust-boundary globs, else the path. */
  get isClient(): boolean {
    return (this.clientCache ??= isClientCode(this.relPath, this.sourceFile, this.policyFacts?.boundary(this.file)));
  }
}

/** A file's path relative to the analysis root, with forward slashes (the path `file` patterns and `requires.path` match). */
export function relativePath(root: string | undefined, file: string): string {
  const rel = root ? path.relative(root, file) : file;
  return rel.split(path.sep).join('/');
}
