/**
 * The Trustline version, inlined from package.json when esbuild bundles the CLI
 * (and read from the same file when the sources run under tsx).
 */
import { version } from '../../package.json';

/** Semantic version of this Trustline build. */
export const TRUSTLINE_VERSION: string = version;

/** The tool name used in every report. */
export const TOOL_NAME = 'trustline';

/** Project home page, used as SARIF `informationUri`. */
export const INFORMATION_URI = 'https://github.com/trustline/trustline';

/**
 * Stable documentation URL of a built-in rule.
 * @param ruleId - Rule id such as `jwt/decode-without-verify`.
 */
export function builtinRuleDocsUrl(ruleId: string): string {
  const encoded = ruleId.split('/').map(encodeURIComponent).join('/');
  return `${INFORMATION_URI}/blob/main/rules/builtin/${encoded}/docs.md`;
}
