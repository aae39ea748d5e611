import { strict as assert } from 'node:assert';
import type { Pattern } from '../../src/engine';
import { matchCode, matchedLines } from './match-helper';

describe('matcher primitives', () => {
  describe('kind', () => {
    it('matches nodes of the named syntax kinds', () => {
      assert.deepEqual(matchedLines("const a = 'x';\nconst b = `y`;\nconst c = 1;", { kind: ['StringLiteral', 'NoSubstitutionTemplateLiteral'] }), [1, 2]);
    });
    it('rejects unknown kind names at load', () => {
      assert.throws(() => matchedLines('x', { kind: 'NoSuchKind' }), /unknown syntax kind/);
    });
  });

  describe('all / any / not', () => {
    const code = "f('a');\ng('b');\nh('c');";
    it('combine tests on one node', () => {
      assert.deepEqual(matchedLines(code, { kind: 'CallExpression', any: [{ name: '^f$' }, { name: '^g$' }] }), [1, 2]);
      assert.deepEqual(matchedLines(code, { kind: 'CallExpression', not: { name: '^f$' } }), [2, 3]);
      assert.deepEqual(matchedLines(code, { kind: 'CallExpression', all: [{ name: '^[fg]$' }, { arg: { index: 0, value: { equals: 'b' } } }] }), [2]);
    });
    it('roll back captures of failed branches', () => {
      const [m] = matchCode("f('a');", { kind: 'CallExpression', any: [{ arg: { index: 0, capture: 'x', value: { equals: 'zzz' } } }, { name: 'f' }] });
      assert.deepEqual(m?.captures, {});
    });
  });

  describe('call', () => {
    it('matches resolved callees and methods on receivers', () => {
      const code = "import jwt from 'jsonwebtoken';\njwt.sign(p, k);\nres.cookie('a', b);\nother.cookie('a', b);\nnew Map();";
      assert.deepEqual(matchedLines(code, { call: { callee: 'jsonwebtoken#sign' } }), [2]);
      assert.deepEqual(matchedLines(code, { call: { method: 'cookie', receiver: { name: '^res$' } } }), [3]);
      assert.deepEqual(matchedLines(code, { call: { callee: 'jsonwebtoken#*' } }), [2]);
      assert.deepEqual(matchedLines(code, { call: { callee: 'global#Map', isNew: true } }), []);
    });
  });

  describe('arg', () => {
    it('tests arguments by index, from the end, and absence', () => {
      const code = "f(1, 'x');\nf(1);\nf(1, 2, 'last');";
      assert.deepEqual(matchedLines(code, { kind: 'CallExpression', arg: { index: 1, absent: true } }), [2]);
      assert.deepEqual(matchedLines(code, { kind: 'CallExpression', arg: { index: -1, value: { string: true } } }), [1, 3]);
    });
  });

  describe('object', () => {
    const code = [
      "import jwt from 'jsonwebtoken';",
      'const OPTS = { expiresIn: 60 };',
      'jwt.sign(p, k, { algorithm: "HS256" });',
      'jwt.sign(p, k, OPTS);',
      'jwt.sign(p, k);',
      'jwt.sign(p, k, opts);',
      'jwt.sign(p, k, { ...base });',
      'jwt.sign(p, k, { cookie: { secure: false } });',
    ].join('\n');
    it('lacks: definitely absent keys, through consts; unknown objects never lack', () => {
      assert.deepEqual(matchedLines(code, { call: { callee: 'jsonwebtoken#sign' }, object: { arg: 2, lacks: ['expiresIn'] } }), [3, 5, 8]);
    });
    it('has: present keys with value patterns, dotted paths', () => {
      assert.deepEqual(matchedLines(code, { call: { callee: 'jsonwebtoken#sign' }, object: { arg: 2, has: { expiresIn: {} } } }), [4]);
      assert.deepEqual(matchedLines(code, { call: { callee: 'jsonwebtoken#sign' }, object: { arg: 2, has: { 'cookie.secure': { value: { equals: false } } } } }), [8]);
    });
  });

  describe('value', () => {
    it('tests resolved constants: regex, length, entropy, placeholders, numbers, env fallbacks', () => {
      const code = [
        "const a = 'Xk2v9QmT4pZr7Wn1bYc8sHd3';",
        "const b = 'changeme';",
        "const c = process.env.SECRET || 'fallback-secret-value';",
        'const d = 8 * 1000;',
        "const e = ['none', 'HS256'];",
      ].join('\n');
      const init = (v: object) => ({ kind: 'VariableDeclaration', field: { initializer: { value: v } } });
      assert.deepEqual(matchedLines(code, init({ minLength: 16, minEntropy: 4.0 })), [1]);
      assert.deepEqual(matchedLines(code, init({ string: true, notPlaceholder: true, envFallback: false })), [1]);
      assert.deepEqual(matchedLines(code, init({ envFallback: true })), [3]);
      assert.deepEqual(matchedLines(code, init({ greaterThan: 5000, lessThan: 9000 })), [4]);
      assert.deepEqual(matchedLines(code, init({ someElement: { equals: 'none' } })), [5]);
      assert.deepEqual(matchedLines(code, init({ regex: '^Xk2' })), [1]);
    });
    it('captures where the value was written', () => {
      const [m] = matchCode("const S = 'abc';\nuse(S);", { kind: 'CallExpression', arg: { index: 0, value: { equals: 'abc' } } });
      assert.equal(m?.captures['$valueOrigin'], "'abc'");
    });
  });

  describe('name / boundName / memberPath / mentions', () => {
    it('name: own names of identifiers, members, properties, declarations', () => {
      assert.deepEqual(matchedLines('const apiKey = 1;\nconst other = 2;', { kind: 'VariableDeclaration', name: 'key$' }), [1]);
      assert.deepEqual(matchedLines('x.token;\nx.other;', { kind: 'PropertyAccessExpression', name: { regex: '^token$', exclude: 'other' } }), [1]);
    });
    it('boundName: the name a value flows into, through templates, transparent calls and returns', () => {
      const code = [
        'const resetToken = Math.random().toString(36);',
        'const opts = { genid: () => `${Date.now()}-${Math.random()}` };',
        'sleep(250 + Math.random() * 100);',
        'function makeSessionId() { return String(Math.random()); }',
      ].join('\n');
      assert.deepEqual(matchedLines(code, { kind: 'CallExpression', name: '^random$', boundName: 'token|genid|session' }), [1, 2, 4]);
    });
    it('memberPath: dotted member chains, including static element access', () => {
      const code = "req.session.userId = 1;\nreq.headers['x-role'];\nres.session.x;";
      assert.deepEqual(matchedLines(code, { kind: ['PropertyAccessExpression', 'ElementAccessExpression'], memberPath: '^req\\.(session\\.userId|headers\\.x-role)$' }), [1, 2]);
    });
    it('memberPath: casts and non-null assertions are transparent', () => {
      const code = '(req.session as any).userId = 1;\n(<Session>req.session).userId = 2;\nreq.session!.userId = 3;\n(req.session satisfies object).userId = 4;\nf(req.session).userId = 5;';
      assert.deepEqual(matchedLines(code, { kind: 'PropertyAccessExpression', memberPath: '^req\\.session\\.userId$' }), [1, 2, 3, 4]);
    });
    it('mentions: identifiers, members and short strings inside an expression', () => {
      const code = "a === b;\nreq.get('authorization') !== `Bearer ${TOKEN}`;\nuser.apiKey === k;";
      assert.deepEqual(matchedLines(code, { operator: ['===', '!=='], mentions: 'token|apikey' }), [2, 3]);
    });
  });

  describe('inside / field / sameAs / operator / capture', () => {
    it('inside: an ancestor matches, bounded by function or statement', () => {
      const code = "req.session.regenerate(() => { req.session.user = u; });\nfunction f() { req.session.user = u; }";
      const assign = { operator: '=', field: { left: { memberPath: 'session\\.user' } } };
      assert.deepEqual(matchedLines(code, { ...assign, inside: { call: { method: 'regenerate' } } }), [1]);
      assert.deepEqual(matchedLines(code, { ...assign, inside: { stopAt: 'statement', kind: 'FunctionDeclaration' } }), []);
      assert.deepEqual(matchedLines(code, { ...assign, inside: { stopAt: 'function', kind: 'FunctionDeclaration' } }), [2]);
    });
    it('field + sameAs: `if (token) return token;`', () => {
      const code = 'if (token) return token;\nif (token) return other;\nif (token) { return token; }';
      const pattern: Pattern = {
        kind: 'IfStatement',
        field: {
          expression: { kind: 'Identifier', capture: 'v' },
          thenStatement: {
            any: [
              { kind: 'ReturnStatement', field: { expression: { sameAs: 'v' } } },
              { field: { statements: { kind: 'ReturnStatement', field: { expression: { sameAs: 'v' } } } } },
            ],
          },
        },
      };
      assert.deepEqual(matchedLines(code, pattern), [1, 3]);
    });
  });

  describe('inFunction', () => {
    it('knows the calls and the route-handler shape of the enclosing function', () => {
      const code = [
        "import jwt from 'jsonwebtoken';",
        'app.post("/login", (req, res) => { x.y = 1; });',
        'function helper() { jwt.verify(t, k); x.y = 2; }',
        'function plain(a) { x.y = 3; }',
      ].join('\n');
      const assign = { operator: '=' };
      assert.deepEqual(matchedLines(code, { ...assign, inFunction: { routeHandler: true } }), [2]);
      assert.deepEqual(matchedLines(code, { ...assign, inFunction: { calls: 'jsonwebtoken#verify' } }), [3]);
      assert.deepEqual(matchedLines(code, { ...assign, inFunction: { name: '^plain$' } }), [4]);
    });
  });

  describe('chain', () => {
    it('sees the whole method chain around a node', () => {
      const code = [
        "import { SignJWT } from 'jose';",
        'await new SignJWT(p).setProtectedHeader(h).setIssuedAt().sign(key);',
        "await new SignJWT(p).setProtectedHeader(h).setExpirationTime('15m').sign(key);",
      ].join('\n');
      assert.deepEqual(matchedLines(code, { call: { callee: 'jose#SignJWT', isNew: true }, chain: { includes: ['sign'], lacks: ['setExpirationTime'] } }), [2]);
    });
  });

  describe('file', () => {
    it('tells test files and client code from paths', () => {
      const p = { kind: 'StringLiteral' as const, file: { test: true } };
      assert.deepEqual(matchedLines("'x';", p, '/w/src/auth.test.ts', '/w'), [1]);
      assert.deepEqual(matchedLines("'x';", p, '/w/src/auth.ts', '/w'), []);
      assert.deepEqual(matchedLines("'x';", { kind: 'StringLiteral', file: { client: true } }, '/w/src/components/Login.tsx', '/w'), [1]);
      assert.deepEqual(matchedLines("'use client';\n'x';", { kind: 'StringLiteral', file: { client: true } }, '/w/app/page.ts', '/w'), [1, 2]);
      assert.deepEqual(matchedLines("'x';", { kind: 'StringLiteral', file: { path: 'src/**' } }, '/w/src/a/b.ts', '/w'), [1]);
    });
  });

  describe('declaration / usage', () => {
    it('finds module-level lets and never-evicted caches', () => {
      const code = [
        'let cachedToken: string | undefined;',
        'const tokens = new Map();',
        'const evicted = new Map();',
        'function f() { let inner = 1; evicted.delete(k); }',
      ].join('\n');
      assert.deepEqual(matchedLines(code, { kind: 'VariableDeclaration', declaration: { moduleLevel: true, keyword: 'let' } }), [1]);
      assert.deepEqual(
        matchedLines(code, { kind: 'VariableDeclaration', declaration: { init: { kind: 'NewExpression' } }, usage: { neverCalls: ['delete', 'clear'] } }),
        [2],
      );
      assert.deepEqual(matchedLines('const c = {};\ndelete c[k];', { kind: 'VariableDeclaration', usage: { neverCalls: ['delete'] } }), []);
    });
  });
});

describe('value: notEchoOfName', () => {
  it('rejects enum-like constants whose value repeats their name, keeps real values', () => {
    const code = [
      'const FLOW_PASSWORD_REQUIRED_V2 = "FlowPasswordRequiredResultV2";',
      "const USE_CREDENTIALS = 'use-credentials';",
      "const SHA256_TOKEN_TO_REFRESH = 'token_sha256_to_refresh';",
      "const API_SECRET = 'Xk2v9QmT4pZr7Wn1bYc8';",
      "const SESSION_SECRET = 'session-secret-for-prod-2024';",
      "const JWT_SECRET = 'jwt-secret';",
    ].join('\n');
    assert.deepEqual(matchedLines(code, { kind: 'StringLiteral', value: { notEchoOfName: true } }), [4, 5, 6]);
  });
});
