import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Analyzer, loadBuiltinRules, type LoadedRule } from '../../src/engine';
import { isIsoDate, parseSuppressions } from '../../src/engine/suppressions';

const DECODE = 'jwt/decode-used-for-trust';
const ROOT = path.join(path.sep, 'ws');
const FILE = path.join(ROOT, 'src', 'peek.ts');

/** `jwt.decode` on line 2 + 2k for k = 0, 1, 2... with each comment above it. */
function source(comments: string[]): string {
  const lines = ["import jwt from 'jsonwebtoken';"];
  comments.forEach((comment, i) => lines.push(comment, `export const c${i} = (t: string) => jwt.decode(t) as { role?: string };`));
  return `${lines.join('\n')}\n`;
}

describe('inline suppressions', () => {
  let rules: LoadedRule[];
  before(() => {
    rules = loadBuiltinRules().rules;
    assert.ok(rules.some((r) => r.id === DECODE));
  });
  const analyze = (text: string, today = '2026-06-15') => new Analyzer({ rules, root: ROOT, today }).analyzeText(FILE, text);
  const decodeAt = (line: number, result: ReturnType<typeof analyze>) => result.findings.find((f) => f.ruleId === DECODE && f.range.startLine === line);

  describe('parseSuppressions', () => {
    it('reads both forms, several rule ids, the reason and the expiry date', () => {
      const parsed = parseSuppressions(
        [
          `// trustline-ignore-next-line ${DECODE}, secret/x -- reads exp only until 2026-07-01`,
          `foo(); // trustline-ignore ${DECODE} -- header only`,
          `/* trustline-ignore-next-line ${DECODE} -- in a block comment */`,
          `{/* trustline-ignore-next-line ${DECODE} -- in JSX until 2027-01-31 */}`,
        ].join('\n'),
      );
      assert.deepEqual(
        parsed.map((c) => [c.line, c.targetLine, c.form, c.ruleIds, c.reason, c.until]),
        [
          [1, 2, 'next-line', [DECODE, 'secret/x'], 'reads exp only', '2026-07-01'],
          [2, 2, 'same-line', [DECODE], 'header only', undefined],
          [3, 4, 'next-line', [DECODE], 'in a block comment', undefined],
          [4, 5, 'next-line', [DECODE], 'in JSX', '2027-01-31'],
        ],
      );
    });

    it('keeps prose "until" in the reason and flags malformed dates', () => {
      const [prose, slash, impossible] = parseSuppressions(
        [
          `// trustline-ignore ${DECODE} -- fine until the v2 migration`,
          `// trustline-ignore ${DECODE} -- migrating until 2026/07/01`,
          `// trustline-ignore ${DECODE} -- migrating until 2026-02-30`,
        ].join('\n'),
      );
      assert.equal(prose.reason, 'fine until the v2 migration');
      assert.equal(prose.invalidUntil, undefined);
      assert.deepEqual([slash.reason, slash.until, slash.invalidUntil], ['migrating', undefined, '2026/07/01']);
      assert.equal(impossible.invalidUntil, '2026-02-30');
      assert.equal(isIsoDate('2024-02-29'), true);
      assert.equal(isIsoDate('2023-02-29'), false);
    });
  });

  it('suppresses through the until date, and brings the finding back afterwards with a note', () => {
    const text = source([`// trustline-ignore-next-line ${DECODE} -- legacy SSO bridge, removed in Q3 until 2026-06-30`]);
    const onLastDay = analyze(text, '2026-06-30');
    assert.equal(decodeAt(3, onLastDay)?.suppression?.until, '2026-06-30');
    assert.deepEqual(onLastDay.suppressions?.map((s) => [s.expired, s.rules]), [[false, [{ ruleId: DECODE, known: true, findings: 1 }]]]);
    const after = analyze(text, '2026-07-01');
    const back = decodeAt(3, after);
    assert.ok(back, 'the finding is reported');
    assert.equal(back.suppression, undefined);
    assert.match(back.message, /\(suppression expired on 2026-06-30, line 2\)$/);
    assert.equal(after.suppressions?.[0]?.expired, true);
    assert.equal(after.suppressions?.[0]?.rules[0]?.findings, 1, 'the record still counts the finding it used to cover');
  });

  it('reports a suppression without a reason once, and it suppresses nothing', () => {
    const result = analyze(source([`// trustline-ignore-next-line ${DECODE}`, `// trustline-ignore-next-line ${DECODE} --   `]));
    assert.equal(decodeAt(3, result)?.suppression, undefined);
    assert.equal(decodeAt(5, result)?.suppression, undefined);
    assert.deepEqual(result.notices.map((n) => [n.code, n.line]), [
      ['suppression-without-reason', 2],
      ['suppression-without-reason', 4],
    ]);
    assert.match(result.notices[0]!.message, /^peek\.ts:2: suppression of jwt\/decode-used-for-trust has no reason and is ignored; write "-- <why this is safe>"$/);
  });

  it('reports unknown rule ids with a did-you-mean, and still applies the known ones', () => {
    const result = analyze(
      source([
        `// trustline-ignore-next-line jwt/decode-used-for-trsut -- typo`,
        `// trustline-ignore-next-line ${DECODE}, acme/totally-unrelated-thing -- known and unknown`,
        '// trustline-ignore-next-line -- names nothing',
      ]),
    );
    assert.equal(decodeAt(3, result)?.suppression, undefined);
    assert.equal(decodeAt(5, result)?.suppression?.justification, 'known and unknown');
    assert.deepEqual(result.notices.map((n) => [n.code, n.line, n.message]), [
      ['suppression-unknown-rule', 2, `peek.ts:2: suppression names unknown rule "jwt/decode-used-for-trsut" (did you mean "${DECODE}"?)`],
      ['suppression-unknown-rule', 4, 'peek.ts:4: suppression names unknown rule "acme/totally-unrelated-thing"'],
      ['suppression-unknown-rule', 6, 'peek.ts:6: suppression names no rule id (expected "trustline-ignore-next-line <rule-id> -- <reason>")'],
    ]);
    assert.deepEqual(result.suppressions?.[1]?.rules, [
      { ruleId: DECODE, known: true, findings: 1 },
      { ruleId: 'acme/totally-unrelated-thing', known: false, findings: 0 },
    ]);
  });

  it('reports a malformed expiry date', () => {
    const result = analyze(source([`// trustline-ignore-next-line ${DECODE} -- migration until 2026-13-01`]));
    assert.deepEqual(result.notices.map((n) => n.code), ['suppression-invalid-until']);
    assert.match(result.notices[0]!.message, /"until 2026-13-01" is not a date \(expected until YYYY-MM-DD\)/);
  });

  it('records a valid suppression that silences nothing as such (an unused suppression)', () => {
    const text = `// trustline-ignore-next-line ${DECODE} -- nothing to see\nexport const x = 1;\n`;
    const result = analyze(text);
    assert.deepEqual(result.suppressions?.map((s) => [s.line, s.targetLine, s.rules[0]?.findings]), [[1, 2, 0]]);
    assert.equal(analyze('export const x = 1;\n').suppressions, undefined, 'files without comments carry no records');
  });
});
