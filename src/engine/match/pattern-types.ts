/**
 * The declarative match vocabulary of rules. A `Pattern` is an object whose keys are matcher primitives;
 * all keys of one pattern must hold for the same node (logical AND). Each primitive is implemented in its
 * own file under `src/engine/match/primitives/` and described in `rules/schema/rule.schema.json`.
 */
export interface Pattern {
  /** TypeScript SyntaxKind name(s) the node must have, e.g. `CallExpression`. */
  kind?: string | string[];
  /** Every sub-pattern matches this node. */
  all?: Pattern[];
  /** At least one sub-pattern matches this node. */
  any?: Pattern[];
  /** The sub-pattern does not match this node. */
  not?: Pattern;
  /** The node is a call (or `new`) whose callee resolves to one of these identities. */
  call?: CallSpec;
  /** Argument(s) of the matched call satisfy a pattern. */
  arg?: ArgSpec | ArgSpec[];
  /** Properties of an object literal (the node itself, or an argument of the matched call). */
  object?: ObjectSpec;
  /** The node's constant value (resolved through consts, templates, env fallbacks) satisfies a test. */
  value?: ValueSpec;
  /** The node's own name (identifier, property name, member name, declared name) matches. */
  name?: NameSpec;
  /** The name the node's value is bound to (variable, property, assignment target, function) matches. */
  boundName?: NameSpec;
  /** The dotted text of a member chain (`req.session.userId`, `req.headers.authorization`) matches. */
  memberPath?: NameSpec;
  /** The expression, or any identifier, member name or string inside it, mentions a name matching. */
  mentions?: NameSpec;
  /** An ancestor matches (bounded by `stopAt`). */
  inside?: InsideSpec;
  /** Named child fields of the node (e.g. `expression`, `thenStatement`, `left`) match sub-patterns. */
  field?: Record<string, Pattern>;
  /** Facts about the enclosing function (calls it makes, whether it is a route handler). */
  inFunction?: FunctionSpec;
  /** A method chain the node belongs to (`new SignJWT(...).setIssuedAt().sign(key)`). */
  chain?: ChainSpec;
  /** Facts about the file (test file, client-side code). */
  file?: FileSpec;
  /** The identifier refers to a declaration with these properties. */
  declaration?: DeclarationSpec;
  /** Uses of the declared name elsewhere in the file. */
  usage?: UsageSpec;
  /** The name is imported from a relative module of the workspace whose text mentions / lacks a name (audits). */
  imported?: ImportedSpec;
  /** The node is the same node as an earlier capture (compared by resolved declaration or text). */
  sameAs?: string;
  /** Binary operator(s) of a BinaryExpression node, by token text (`===`, `!==`, `=`). */
  operator?: string | string[];
  /** The node's value comes from a node matching a source pattern (intra-procedural data flow). */
  flowsFrom?: FlowSpec;
  /** On a call: facts about the called function's definition (same file, or one hop across files in audits). */
  definition?: DefinitionSpec;
  /** Some node below this one, or in its enclosing function, class or file, matches (`within`). */
  contains?: ContainsSpec;
  /** Store the node under this name for messages, fixes and `report`. */
  capture?: string;
}

/** A data-flow question: does the value come from `source` without crossing `stop`? */
export interface FlowSpec {
  source: Pattern;
  stop?: Pattern;
}

/** Facts about a called function's body. */
export interface DefinitionSpec {
  /** Some node of the body matches (nested callbacks included). */
  contains?: Pattern;
  /** Some returned expression matches. */
  returns?: Pattern;
}

/**
 * A pattern some node must match: below the node (`node`, the default), or anywhere in its enclosing function
 * (the file at top level), class or file.
 */
export interface ContainsSpec extends Pattern {
  within?: 'node' | 'function' | 'class' | 'file';
}

/** A regular expression (string, case-insensitive) or an object form. */
export type NameSpec = string | { regex: string; caseSensitive?: boolean; exclude?: string };

/**
 * Callee identities: `module#export.path` (`jsonwebtoken#verify`, `node:crypto` equals `crypto`),
 * `module` alone for the module itself called (`express-session`), `global#localStorage.setItem`.
 */
export interface CallSpec {
  callee?: string | string[];
  /** A method name called on any receiver (`setItem`), when the receiver cannot be resolved to a module. */
  method?: string | string[];
  /** With `method`: the receiver expression matches this pattern. */
  receiver?: Pattern;
  /** Match `new X()` only (`true`) or calls only (`false`); default both. */
  isNew?: boolean;
}

/** A pattern on the argument at `index` (0-based; negative counts from the end; `any`: some argument). */
export interface ArgSpec extends Pattern {
  index: number | 'any';
  /** The argument is absent (or, with `functionIsAbsent`, a callback function). */
  absent?: boolean;
}

/**
 * Properties of an object literal, resolved through in-file consts. `lacks` holds when every listed key
 * (dotted paths go into nested literals) is definitely absent; `has` holds when each key is definitely present and
 * its value matches. An object that cannot be resolved (a parameter, a spread) neither lacks nor has.
 */
export interface ObjectSpec {
  /** Which call argument holds the object; omit to use the node itself. */
  arg?: number;
  /** A missing argument, or a callback function in its place, counts as an empty object. */
  lacks?: string[];
  has?: Record<string, Pattern>;
}

/** Tests on a constant value. All given tests must hold. */
export interface ValueSpec {
  /** The value is a string (`true`) or a known non-string (`false`). */
  string?: boolean;
  /** Exact value (string, number or boolean). */
  equals?: string | number | boolean | Array<string | number | boolean>;
  /** Regular expression the string value must match. */
  regex?: string;
  /** The string value must not match. */
  notRegex?: string;
  minLength?: number;
  maxLength?: number;
  /** Minimum Shannon entropy in bits per character. */
  minEntropy?: number;
  /** Reject placeholders and dummy values (`changeme`, `xxx`, `<your-key>`, `...EXAMPLE`). */
  notPlaceholder?: boolean;
  /** Reject values that repeat the words of the name they are bound to (enum-like constants). */
  notEchoOfName?: boolean;
  /** Number comparisons. */
  lessThan?: number;
  greaterThan?: number;
  /** The value came from a `process.env.X || 'literal'` / `??` fallback (`true`) or not (`false`). */
  envFallback?: boolean;
  /** For array literals: some element's value satisfies this spec. */
  someElement?: ValueSpec;
  /**
   * The value is a duration longer than `limit`: a fixed duration (`1h`, or seconds) or a policy reference
   * (`{ policy: tokenLifetimes.accessToken }`, `{ policy: options.maxAge }`). Numbers in code are read in
   * `numbers` units; strings as durations (`'7d'`, `'2 hours'`; digits alone are milliseconds, as in vercel/ms).
   * Without the referenced policy value the test fails.
   */
  durationOver?: DurationOverSpec;
}

/** See {@link ValueSpec.durationOver}. */
export interface DurationOverSpec {
  limit: number | string | { policy: string };
  numbers: 'seconds' | 'milliseconds';
}

/** An ancestor of the node matches `pattern`; the search stops at `stopAt` (default `file`). */
export interface InsideSpec extends Pattern {
  stopAt?: 'function' | 'statement' | 'file';
}

/** Facts about the nearest enclosing function (or the whole file at top level). */
export interface FunctionSpec {
  /** The function (including nested callbacks) calls one of these identities. */
  calls?: string | string[];
  /** The function (including nested callbacks) calls a method with one of these names on any receiver. */
  callsMethod?: string | string[];
  /** The function is a route handler (`app.get(path, handler)`, `(req, res)`, `(ctx)`, `(request, reply)`). */
  routeHandler?: boolean;
  /** The function is exported from its module (`export async function f`, `export const f = () => ...`). */
  exported?: boolean;
  /** The function's name (declared or bound) matches. */
  name?: NameSpec;
  /** Some identifier, member name, property key or short string anywhere in the function (nested callbacks included) matches. */
  mentions?: NameSpec;
}

/** The chain of `.method()` calls around the node. */
export interface ChainSpec {
  /** Every listed method is called somewhere in the chain. */
  includes?: string[];
  /** No listed method is called in the chain. */
  lacks?: string[];
}

/** File-level facts. */
export interface FileSpec {
  /** Test, spec, fixture, mock, story or example file. */
  test?: boolean;
  /** Code that ships to browsers or apps (client paths, `'use client'`, browser-only APIs). */
  client?: boolean;
  /** Path glob (relative, forward slashes) the file must match. */
  path?: string | string[];
  /** The file's directive prologue includes this directive (`use server`, `use client`). */
  directive?: string;
  /**
   * The file is (`true`) or is not (`false`) inside the policy's `approvedAuthModules`. Without that policy
   * setting the fact is unknown and the test fails either way.
   */
  approvedAuthModule?: boolean;
}

/** Properties of the declaration an identifier refers to (in-file). */
export interface DeclarationSpec {
  /** Declared at module top level. */
  moduleLevel?: boolean;
  /** Declaration keyword. */
  keyword?: 'const' | 'let' | 'var' | Array<'const' | 'let' | 'var'>;
  /** The declaration's initializer matches. */
  init?: Pattern;
}

/** What the relatively imported module a name is bound to says (audits only; unresolvable modules match nothing). */
export interface ImportedSpec {
  /** The module's text (and what it re-exports) has an identifier or short string passing this test. */
  mentions?: NameSpec;
  /** The module's text (and what it re-exports) certainly has no identifier or short string passing this test. */
  lacks?: NameSpec;
}

/** How the node's declared name is used across the file. */
export interface UsageSpec {
  /** No `<name>.<method>(...)` call with one of these methods exists in the file. */
  neverCalls?: string[];
  /** Some `<name>.<method>(...)` call with one of these methods exists in the file. */
  calls?: string[];
}
