import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceResolver } from '../../src/engine/flow/workspace-resolver';
import type { Pattern } from '../../src/engine/match/pattern-types';
import { matchCode, matchedLines } from './match-helper';

/** A console.log argument whose value comes from something named like a token. */
const LOGGED_TOKEN: Pattern = {
  call: { callee: 'global#console.log' },
  arg: { index: -1, flowsFrom: { source: { name: '^(access_?token|token|refreshToken)$', capture: 'src' } } },
};

describe('flowsFrom (intra-procedural data flow)', () => {
  it('follows variables, destructuring, templates, objects and content-preserving calls', () => {
    const code = [
      'async function login(api) {',
      '  const res = await api.post("/login");',
      '  const t = res.data.access_token;',
      '  console.log(`got ${t}`);', // 4: via variable and template
      '  const { refreshToken: r } = res.data;',
      '  console.log("r", r);', // 6: destructured with rename
      '  console.log({ value: String(t).trim() });', // 7: object literal, String(), .trim()
      '  console.log(t.length);', // length is not the token
      '  console.log(mask(t));', // an opaque call makes a new value
      '  let x = "none";',
      '  x = t;',
      '  console.log(x);', // 12: plain assignment
      '}',
    ].join('\n');
    assert.deepEqual(matchedLines(code, LOGGED_TOKEN), [4, 6, 7, 12]);
    const m = matchCode(code, LOGGED_TOKEN).find((x) => x.line === 4);
    assert.equal(m?.captures.src, 'res.data.access_token');
  });

  it('follows returns of functions in the same file, mapping parameters to arguments', () => {
    const code = [
      'function wrap(v) { return { v }; }',
      'const pick = (s) => s.token;',
      'function run(session, other) {',
      '  console.log(wrap(session.token));', // 4: parameter mapped to the argument
      '  console.log(wrap(other.id));',
      '  console.log(pick(session));', // 6: the helper returns a token-named member
      '}',
    ].join('\n');
    assert.deepEqual(matchedLines(code, LOGGED_TOKEN), [4, 6]);
  });

  it("follows a helper's parameter out to the file's callers, but not back into other definitions", () => {
    const code = [
      'function show(v) { console.log(v); }', // 1: show(session.token) below
      'function quiet(v) { console.log(v); }',
      'function run(session) { show(session.token); quiet(session.id); }',
    ].join('\n');
    assert.deepEqual(matchedLines(code, LOGGED_TOKEN), [1]);
  });

  it('respects scopes: a same-named variable elsewhere does not flow', () => {
    const code = [
      'function a(res) { const v = res.token; return v; }',
      'function b() { const v = "hello"; console.log(v); }',
    ].join('\n');
    assert.deepEqual(matchedLines(code, LOGGED_TOKEN), []);
  });

  it('stops at a `stop` node', () => {
    const code = 'function f(token) { const shown = token ? "***" : ""; console.log(shown, token); }';
    const pattern: Pattern = { call: { callee: 'global#console.log' }, arg: { index: 0, flowsFrom: { source: { name: '^token$' }, stop: { kind: 'StringLiteral' } } } };
    assert.deepEqual(matchedLines(code, pattern), []);
  });
});

describe('definition (called function facts, one hop across files)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustline-xfile-'));
    fs.mkdirSync(path.join(dir, 'src', 'utils'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'utils', 'hash.ts'), "import { createHash } from 'crypto';\nexport const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');\nexport function slow(s: string) { return bcrypt.hash(s, 12); }\n");
    fs.writeFileSync(path.join(dir, 'src', 'utils', 'index.ts'), "export { sha256 as digest } from './hash';\nexport * from './hash';\n");
    fs.writeFileSync(path.join(dir, 'src', 'legacy.js'), "const crypto = require('crypto');\nmodule.exports = { md5: (s) => crypto.createHash('md5').update(s).digest('hex') };\nexports.other = function (s) { return s; };\n");
    fs.writeFileSync(path.join(dir, 'src', 'jwt.ts'), "import jwt from 'jsonwebtoken';\nexport default function readClaims(t: string) { return jwt.decode(t); }\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const hashes: Pattern = { kind: 'CallExpression', definition: { contains: { call: { callee: 'crypto#createHash' } } } };

  it('resolves named, aliased, re-exported, CommonJS and default exports', () => {
    const code = [
      "import { sha256, slow } from './utils/hash';",
      "import { digest } from './utils';",
      "import * as u from './utils/index.js';",
      "const legacy = require('./legacy');",
      "import readClaims from './jwt';",
      'sha256(password);', // 6
      'slow(password);',
      'digest(password);', // 8
      'u.sha256(password);', // 9
      'legacy.md5(password);', // 10
      'legacy.other(password);',
    ].join('\n');
    const file = path.join(dir, 'src', 'routes.ts');
    assert.deepEqual(matchedLines(code, hashes, file, dir, new WorkspaceResolver(dir)), [6, 8, 9, 10]);
    const decodes: Pattern = { kind: 'CallExpression', definition: { returns: { call: { callee: 'jsonwebtoken#decode' } } } };
    assert.deepEqual(matchedLines("import readClaims from './jwt';\nconst c = readClaims(t);\nconst d = other(t);", decodes, file, dir, new WorkspaceResolver(dir)), [2]);
  });

  it('stays in the file without a resolver (the editor path), but sees same-file helpers and class methods', () => {
    const code = [
      "import { sha256 } from './utils/hash';",
      "import { createHash } from 'crypto';",
      'const local = (s) => createHash("md5").update(s).digest("hex");',
      'class Svc { h(s) { return createHash("sha1").update(s).digest(); } run(p) { return this.h(p); } }',
      'sha256(password);',
      'local(password);', // 6
    ].join('\n');
    assert.deepEqual(matchedLines(code, hashes, path.join(dir, 'src', 'routes.ts'), dir), [4, 6]);
  });

  it("sees the methods of a const object literal of the file, not of a let or another file's object", () => {
    const code = [
      "import { createHash } from 'crypto';",
      'const h = { md5(s) { return createHash("md5").update(s).digest("hex"); }, sha: (s) => createHash("sha1").update(s).digest() };',
      'let m = { md5(s) { return createHash("md5").update(s).digest("hex"); } };',
      'h.md5(password);', // 4
      'h.sha(password);', // 5
      'h.other(password);',
      'm.md5(password);',
    ].join('\n');
    assert.deepEqual(matchedLines(code, hashes, path.join(dir, 'src', 'routes.ts'), dir), [4, 5]);
  });

  it('lets data flow follow an imported helper', () => {
    const code = ["import readClaims from './jwt';", 'const claims = readClaims(token);', 'console.log(claims);'].join('\n');
    const pattern: Pattern = { call: { callee: 'global#console.log' }, arg: { index: 0, flowsFrom: { source: { call: { callee: 'jsonwebtoken#decode' } } } } };
    assert.deepEqual(matchedLines(code, pattern, path.join(dir, 'src', 'routes.ts'), dir, new WorkspaceResolver(dir)), [3]);
    assert.deepEqual(matchedLines(code, pattern, path.join(dir, 'src', 'routes.ts'), dir), []);
  });
});

describe('imported (what a relatively imported module says, audits only)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustline-imported-'));
    fs.mkdirSync(path.join(dir, 'src', 'models'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'models', 'user.ts'), "import mongoose from 'mongoose';\nconst schema = new mongoose.Schema({ email: String, password: String });\nexport const User = mongoose.model('User', schema);\n");
    fs.writeFileSync(path.join(dir, 'src', 'models', 'account.js'), "const bcrypt = require('bcrypt');\nconst schema = new Schema({ password: String });\nschema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 12); });\nmodule.exports = model('Account', schema);\n");
    fs.writeFileSync(path.join(dir, 'src', 'models', 'index.ts'), "export * from './user';\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const code = [
    "import { User } from './models/user';",
    "const Account = require('./models/account');",
    "import { User as U2 } from './models';",
    "import { Missing } from './models/missing';",
    "import mongoose from 'mongoose';",
    'User.create({ password });', // 6
    'Account.create({ password });', // 7
    'U2.create({ password });', // 8
    'Missing.create({ password });', // 9
    'mongoose.model("X").create({ password });', // 10
    'new User({ password });', // 11
  ].join('\n');
  const lacks: Pattern = { kind: ['CallExpression', 'NewExpression'], imported: { lacks: 'hash|bcrypt|argon' } };
  const mentions: Pattern = { kind: ['CallExpression', 'NewExpression'], imported: { mentions: 'bcrypt' } };
  const any: Pattern = { kind: ['CallExpression', 'NewExpression'], imported: {} };

  it('answers from the module text (re-exports followed); unresolvable and package modules match neither', () => {
    const file = path.join(dir, 'src', 'routes.ts');
    assert.deepEqual(matchedLines(code, lacks, file, dir, new WorkspaceResolver(dir)), [6, 8, 11]);
    assert.deepEqual(matchedLines(code, mentions, file, dir, new WorkspaceResolver(dir)), [7]);
    assert.deepEqual(matchedLines(code, any, file, dir, new WorkspaceResolver(dir)), [6, 7, 8, 11]);
  });

  it('matches nothing without a resolver (the editor path)', () => {
    assert.deepEqual(matchedLines(code, lacks, path.join(dir, 'src', 'routes.ts'), dir), []);
  });
});
