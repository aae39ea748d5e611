import { strict as assert } from 'node:assert';
import { csvField, toCsv } from '../../src/cli/csv';
import { parseBlamePorcelain } from '../../src/cli/git/blame';
import { parseUnifiedDiff, unquote } from '../../src/cli/git/unified-diff';

describe('git output parsers and CSV', () => {
  describe('parseUnifiedDiff', () => {
    it('collects added lines and deletion points per new path, following renames and skipping deletions', () => {
      const diff = [
        'diff --git a/src/a.ts b/src/a.ts',
        'index 111..222 100644',
        '--- a/src/a.ts',
        '+++ b/src/a.ts',
        '@@ -3 +3 @@ export const a = 1;',
        '-old',
        '+new',
        '@@ -10,2 +9,0 @@',
        '-gone',
        '-gone too',
        '@@ -20,0 +19,3 @@',
        '+--- not a header',
        '+++ not a header either',
        '+x',
        'diff --git a/old.ts b/moved.ts',
        'similarity index 100%',
        'rename from old.ts',
        'rename to moved.ts',
        'diff --git a/lib/x.ts b/lib/y.ts',
        'similarity index 80%',
        'rename from lib/x.ts',
        'rename to lib/y.ts',
        '--- a/lib/x.ts',
        '+++ b/lib/y.ts',
        '@@ -1 +1,2 @@',
        '+a',
        '+b',
        'diff --git a/dead.ts b/dead.ts',
        'deleted file mode 100644',
        '--- a/dead.ts',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        'diff --git "a/sp ace/t\\303\\251st.ts" "b/sp ace/t\\303\\251st.ts"',
        'new file mode 100644',
        '--- /dev/null',
        '+++ "b/sp ace/t\\303\\251st.ts"',
        '@@ -0,0 +1 @@',
        '+hello',
        '',
      ].join('\n');
      const files = parseUnifiedDiff(diff);
      assert.deepEqual([...files.keys()], ['src/a.ts', 'moved.ts', 'lib/y.ts', 'sp ace/tést.ts']);
      assert.deepEqual([...files.get('src/a.ts')!.added], [3, 19, 20, 21]);
      assert.deepEqual([...files.get('src/a.ts')!.deletedAfter], [9]);
      assert.deepEqual([files.get('moved.ts')!.added.size, files.get('moved.ts')!.renamedFrom], [0, 'old.ts']);
      assert.deepEqual([[...files.get('lib/y.ts')!.added], files.get('lib/y.ts')!.renamedFrom], [[1, 2], 'lib/x.ts']);
      assert.deepEqual([...files.get('sp ace/tést.ts')!.added], [1]);
    });

    it('undoes git path quoting', () => {
      assert.equal(unquote('plain/path.ts'), 'plain/path.ts');
      assert.equal(unquote('"a\\tb\\"c\\\\d.ts"'), 'a\tb"c\\d.ts');
      assert.equal(unquote('"caf\\303\\251.ts"'), 'café.ts');
    });
  });

  describe('parseBlamePorcelain', () => {
    it('reads author, e-mail and the author-local date, reuses commit headers, and marks uncommitted lines', () => {
      const sha = 'a'.repeat(40);
      const output = [
        `${sha} 2 2 1`,
        'author Grace Hopper',
        'author-mail <grace@example.com>',
        'author-time 1709595000',
        'author-tz +0100',
        'committer Grace Hopper',
        'summary start',
        'filename src/a.ts',
        '\t// trustline-ignore-next-line x -- y',
        `${sha} 7 9 1`,
        'filename src/a.ts',
        '\t// trustline-ignore x -- z',
        `${'0'.repeat(40)} 11 11 1`,
        'author Not Committed Yet',
        'author-mail <not.committed.yet>',
        'author-time 1709999999',
        'author-tz +0000',
        'filename src/a.ts',
        '\t// new',
        '',
      ].join('\n');
      const lines = parseBlamePorcelain(output);
      // 1709595000 = 2024-03-04T23:30:00Z, i.e. 2024-03-05 00:30 at +0100.
      assert.deepEqual(lines.get(2), { line: 2, commit: sha, author: 'Grace Hopper', email: 'grace@example.com', date: '2024-03-05' });
      assert.deepEqual(lines.get(9), { line: 9, commit: sha, author: 'Grace Hopper', email: 'grace@example.com', date: '2024-03-05' });
      assert.deepEqual(lines.get(11), { line: 11 });
    });
  });

  describe('CSV', () => {
    it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
      assert.equal(csvField('plain'), 'plain');
      assert.equal(csvField('a, "b"'), '"a, ""b"""');
      assert.equal(csvField('two\nlines'), '"two\nlines"');
      assert.equal(csvField('=1+1'), "'=1+1");
      assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvField(-3), '-3', 'numbers are not text cells');
      assert.equal(csvField(undefined), '');
      assert.equal(csvField(false), 'false');
      assert.equal(toCsv(['a', 'b'], [['1', null]]), 'a,b\r\n1,\r\n');
    });
  });
});
