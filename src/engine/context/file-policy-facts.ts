/**
 * File facts a team policy decides: which side of the trust boundary a file is on (`trustBoundary` globs) and
 * whether it is one of the approved auth modules (`approvedAuthModules`). Globs are relative to the folder of
 * the policy file that wrote them; package names in `approvedAuthModules` match the files of the workspace
 * package with that name (its nearest package.json), wherever it lives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { EffectivePolicy, GlobList } from '../policy/policy-types';

/** Side of the trust boundary. */
export type BoundarySide = 'client' | 'server' | 'edge';

/** Facts about files under one effective policy. */
export interface FilePolicyFacts {
  /** The side the policy's globs put the file on, or `undefined` when no glob matches. */
  boundary(file: string): BoundarySide | undefined;
  /** Inside the approved auth modules; `undefined` when the policy lists none. */
  approvedAuthModule(file: string): boolean | undefined;
}

type FileTest = (file: string) => boolean;

function relTo(base: string, file: string): string | undefined {
  const rel = path.relative(base, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** A test for files matching globs relative to the list's base folder. */
export function globTest(list: GlobList): FileTest {
  const globs = list.globs.map((g) => g.replace(/^\.\//, ''));
  const match = picomatch(globs, { dot: true });
  // `src/auth` means the folder too, not just a file of that name.
  const asFolder = picomatch(globs.filter((g) => !/[*?[{]/.test(g)).map((g) => `${g.replace(/\/$/, '')}/**`), { dot: true });
  return (file) => {
    const rel = relTo(list.base, file);
    return rel !== undefined && (match(rel) || asFolder(rel));
  };
}

const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** `true` when the entry can be a package name (`@acme/auth`, `auth-kit`); bare names may also be folders. */
function isPackageName(entry: string): boolean {
  return PACKAGE_NAME.test(entry);
}

/** The `name` of the nearest package.json above a file (cached per folder). */
function packageNameLookup(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  const lookup = (dir: string): string | undefined => {
    if (cache.has(dir)) return cache.get(dir);
    let name: string | undefined;
    const manifest = path.join(dir, 'package.json');
    if (fs.statSync(manifest, { throwIfNoEntry: false })?.isFile()) {
      try {
        const data: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        const n: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, 'name') : undefined;
        name = typeof n === 'string' ? n : '';
      } catch {
        name = '';
      }
    } else {
      const parent = path.dirname(dir);
      name = parent === dir ? undefined : lookup(parent);
    }
    cache.set(dir, name);
    return name;
  };
  return (file) => lookup(path.dirname(file)) || undefined;
}

/**
 * The facts of an effective policy.
 * @param policy - The policy that applies.
 */
export function filePolicyFacts(policy: EffectivePolicy): FilePolicyFacts {
  const sides: Array<[BoundarySide, FileTest]> = [];
  // Server and edge globs win over client globs: `apps/web/**` is client except `apps/web/app/api/**`.
  for (const side of ['server', 'edge', 'client'] as const) {
    const list = policy.trustBoundary[side];
    if (list && list.globs.length > 0) sides.push([side, globTest(list)]);
  }
  let approved: FileTest | undefined;
  const modules = policy.approvedAuthModules;
  if (modules && modules.globs.length > 0) {
    // `@acme/auth` is a package; a bare `auth-kit` may be a package or a folder beside the policy, so it is both.
    const packages = new Set(modules.globs.filter(isPackageName));
    const globs = globTest({ ...modules, globs: modules.globs.filter((g) => !g.startsWith('@')) });
    const packageOf = packageNameLookup();
    approved = (file) => globs(file) || (packages.size > 0 && packages.has(packageOf(file) ?? ''));
  }
  return {
    boundary: (file) => sides.find(([, test]) => test(file))?.[0],
    approvedAuthModule: (file) => (approved ? approved(file) : undefined),
  };
}
