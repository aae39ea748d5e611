/**
 * SARIF `runs[0].tool.extensions`: one tool component per rule pack that ran besides the built-in one, with its
 * name, version, where it was loaded from and a content hash (sha256 over the pack's files), so an audit records
 * exactly which rules it ran. The policy files that applied are recorded in the run's properties.
 */
import path from 'node:path';
import type { LoadedRule, PackInfo } from '../../engine';
import { isInside, toDirectoryFileUri, toRelativePath, toRelativeUri } from '../paths';
import type { SarifArtifactLocation, SarifToolExtension } from './sarif-types';

const SEMVER = /^\d+\.\d+\.\d+([-+].*)?$/;

function locate(root: string, dir: string, srcroot: string): SarifArtifactLocation {
  return isInside(root, dir) && dir !== root
    ? { uri: `${toRelativeUri(toRelativePath(root, dir))}/`, uriBaseId: srcroot }
    : { uri: toDirectoryFileUri(dir) };
}

/**
 * Tool components of the packs.
 * @param packs - Packs that ran.
 * @param rules - Rules that ran (to list each pack's rule ids).
 * @param root - Audit root.
 * @param srcroot - The uriBaseId of the root.
 */
export function toToolExtensions(packs: readonly PackInfo[], rules: readonly LoadedRule[], root: string, srcroot: string): SarifToolExtension[] {
  return packs.map((pack) => {
    const ruleIds = rules.filter((r) => r.packDir !== undefined && path.resolve(r.packDir) === path.resolve(pack.dir)).map((r) => r.id);
    const extension: SarifToolExtension = {
      name: pack.name,
      version: pack.version,
      locations: [locate(root, pack.dir, srcroot)],
      properties: { contentHash: pack.contentHash, manifest: path.basename(pack.manifest), ruleIds },
    };
    if (SEMVER.test(pack.version)) extension.semanticVersion = pack.version;
    if (pack.description !== undefined) extension.shortDescription = { text: pack.description };
    return extension;
  });
}
