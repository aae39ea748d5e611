/**
 * The files `trustline packs init <name>` writes: an npm-publishable rule pack with one example rule (matched by
 * module identity), its documentation, positive/negative fixtures, a fix template and its expected output — all
 * of which pass `trustline packs test` as written.
 */

/** Area (first segment of rule ids) for a pack name: `@acme/trustline-rules` → `acme`. */
export function areaOf(name: string): string {
  const scope = /^@([^/]+)\//.exec(name)?.[1];
  const base = name.replace(/^@[^/]+\//, '').replace(/^trustline-?/, '').replace(/-?(trustline|rules|pack)$/g, '');
  const area = (scope ?? (base || 'team')).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return area.length > 0 ? area : 'team';
}

/**
 * Files of a new pack, by relative path.
 * @param name - The pack's (npm) name.
 */
export function scaffoldPack(name: string): Record<string, string> {
  const area = areaOf(name);
  const legacy = `@${area}/legacy-auth`;
  const modern = `@${area}/auth`;
  const ruleDir = `${area}/legacy-session-check`;
  const id = ruleDir;
  return {
    'package.json': `${JSON.stringify(
      {
        name,
        version: '0.1.0',
        description: `Trustline rules for ${area}: data only (YAML, Markdown, fixtures).`,
        keywords: ['trustline', 'trustline-pack'],
        license: 'UNLICENSED',
        files: ['pack.yaml', `${area}/`, 'snippets/', 'README.md'],
      },
      null,
      2,
    )}\n`,
    'pack.yaml': [
      `name: "${name}"`,
      'version: 0.1.0',
      'schemaVersion: 1',
      `description: Authentication rules for ${area} code.`,
      '# Rule files: <area>/<rule-name>/rule.yaml (the folder path is the rule id).',
      'rules:',
      '  - "*/*/rule.yaml"',
      '# Other packs this one builds on (folders relative to this one, or npm package names).',
      '# extends:',
      '#   - "@acme/trustline-base"',
      '',
    ].join('\n'),
    'README.md': [
      `# ${name}`,
      '',
      'A [Trustline](https://github.com/trustline/trustline) rule pack: data only — rules in YAML, documentation in',
      'Markdown, fix templates and fixtures. Nothing in it is executed.',
      '',
      '```bash',
      'npx trustline packs validate .   # schema, references, fixtures present',
      'npx trustline packs test .       # every rule against its fixtures (exact lines, negatives, fixes)',
      '```',
      '',
      'Use it from a team policy (`.trustline.yaml`):',
      '',
      '```yaml',
      'extends:',
      `  - "${name}"     # installed with npm install -D ${name}`,
      '```',
      '',
      'or once: `npx trustline audit --rules node_modules/' + name + '`.',
      '',
    ].join('\n'),
    [`${ruleDir}/rule.yaml`]: [
      `id: ${id}`,
      'title: Session checked with the deprecated legacy auth client',
      'category: session.handrolled',
      'severity: warning',
      'confidence: high',
      `message: "{{call}}() checks the session with the deprecated ${legacy} client, which skips expiry and revocation checks. Call verifySession() from ${modern}."`,
      'cwe: [CWE-613, CWE-287]',
      'asvs: [V7.2.1]',
      'nhi: []',
      'csf: [PR.AA-03]',
      `frameworks: ["${legacy}"]`,
      'match:',
      '  # Calls resolved through imports, requires and aliases: `import { checkSession as check } ...` is found too.',
      `  call: { callee: ["${legacy}#checkSession"] }`,
      '  arg: { index: 0, capture: token }',
      '  capture: call',
      '  not: { file: { test: true } }',
      'fixes:',
      `  - snippet: ${area}/verify-session`,
      `    title: Use verifySession from ${modern}`,
      '',
    ].join('\n'),
    [`${ruleDir}/docs.md`]: [
      '# Session checked with the deprecated legacy auth client',
      '',
      '## Why it matters',
      '',
      `\`${legacy}\` predates our session revocation: its \`checkSession\` accepts expired and revoked sessions.`,
      `\`${modern}\` is the reviewed replacement.`,
      '',
      '## Bad',
      '',
      '```ts',
      `import { checkSession } from '${legacy}';`,
      'const user = await checkSession(req.cookies.sid);',
      '```',
      '',
      '## Good',
      '',
      '```ts',
      `import { verifySession } from '${modern}';`,
      'const user = await verifySession(req.cookies.sid);',
      '```',
      '',
      '## How to fix',
      '',
      `Replace the call with \`verifySession\` from \`${modern}\` (the quick fix does it) and remove \`${legacy}\` once`,
      'nothing imports it.',
      '',
    ].join('\n'),
    [`${ruleDir}/fixtures/positive.ts`]: [
      `import { checkSession } from '${legacy}';`,
      `import * as legacy from '${legacy}';`,
      '',
      'export async function currentUser(sid: string) {',
      `  return checkSession(sid); // expect: ${id}`,
      '}',
      '',
      'export async function viaNamespace(sid: string) {',
      `  const user = await legacy.checkSession(sid); // expect: ${id}`,
      '  return user;',
      '}',
      '',
    ].join('\n'),
    [`${ruleDir}/fixtures/negative.ts`]: [
      `import { verifySession } from '${modern}';`,
      '',
      '// Not the legacy client: an unrelated checkSession is fine.',
      'function checkSession(sid: string): boolean {',
      '  return sid.length > 0;',
      '}',
      '',
      'export async function currentUser(sid: string) {',
      '  if (!checkSession(sid)) return undefined;',
      '  return verifySession(sid);',
      '}',
      '',
    ].join('\n'),
    [`${ruleDir}/fixtures/fix.verify-session.input.ts`]: [
      `import { checkSession } from '${legacy}';`,
      '',
      'export async function currentUser(sid: string) {',
      '  return checkSession(sid);',
      '}',
      '',
    ].join('\n'),
    [`${ruleDir}/fixtures/fix.verify-session.output.ts`]: [
      `import { checkSession } from '${legacy}';`,
      `import { verifySession } from '${modern}';`,
      '',
      'export async function currentUser(sid: string) {',
      '  return verifySession(sid);',
      '}',
      '',
    ].join('\n'),
    [`snippets/${area}/verify-session.yaml`]: [
      `description: Replace the legacy session check with verifySession from ${modern}.`,
      'replace: "verifySession({{token}})"',
      'imports:',
      `  - "import { verifySession } from '${modern}';"`,
      '',
    ].join('\n'),
  };
}
