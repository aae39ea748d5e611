import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles, isAuditableFileName } from '../../src/cli/discovery/discover-files';
import { createWorkspace, type Workspace } from './helpers/workspace';

const CODE = "export const ok = 1;\n";

function relativeFiles(ws: Workspace, targets: string[] = [ws.dir]): string[] {
  return discoverFiles({ root: ws.dir, targets }).files.map((f) => path.relative(ws.dir, f).split(path.sep).join('/'));
}

describe('cli file discovery', () => {
  let ws: Workspace;
  afterEach(() => ws?.remove());

  it('finds every JS/TS extension and skips declarations, minified bundles and other files', () => {
    ws = createWorkspace({
      'a.ts': CODE, 'b.tsx': CODE, 'c.mts': CODE, 'd.cts': CODE, 'e.js': CODE, 'f.jsx': CODE, 'g.mjs': CODE, 'h.cjs': CODE,
      'types.d.ts': CODE, 'vendor.min.js': CODE, 'README.md': '# hi', 'data.json': '{}',
    });
    assert.deepEqual(relativeFiles(ws), ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs']);
  });

  it('always skips dependency and build folders', () => {
    ws = createWorkspace({
      'src/app.ts': CODE,
      'node_modules/jsonwebtoken/index.js': CODE,
      'packages/x/node_modules/y/index.js': CODE,
      'dist/app.js': CODE, 'build/app.js': CODE, 'coverage/lcov.js': CODE, 'out/x.js': CODE, '.next/server.js': CODE,
      '.git/hooks/pre-commit.js': CODE,
    });
    assert.deepEqual(relativeFiles(ws), ['src/app.ts']);
  });

  it('honours root and nested .gitignore files, including negation', () => {
    ws = createWorkspace({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/app.ts': CODE,
      'src/api.gen.ts': CODE,
      'generated/client.ts': CODE,
      'pkg/.gitignore': 'local-*.ts\n!local-keep.ts\n',
      'pkg/local-scratch.ts': CODE,
      'pkg/local-keep.ts': CODE,
      'pkg/index.ts': CODE,
      'other/local-scratch.ts': CODE,
    });
    assert.deepEqual(relativeFiles(ws), ['other/local-scratch.ts', 'pkg/index.ts', 'pkg/local-keep.ts', 'src/app.ts']);
  });

  it('applies .gitignore files above the audited folder up to the repository top', () => {
    ws = createWorkspace({ '.gitignore': 'secret-scratch.ts\n', 'app/src/secret-scratch.ts': CODE, 'app/src/main.ts': CODE });
    mkdirSync(ws.path('.git'));
    const files = discoverFiles({ root: ws.path('app'), targets: [ws.path('app')] }).files;
    assert.deepEqual(files, [ws.path('app/src/main.ts')]);
  });

  it('reports an explicitly named but gitignored folder instead of silently auditing nothing', () => {
    ws = createWorkspace({ '.gitignore': 'generated/\n', 'generated/client.ts': CODE });
    const result = discoverFiles({ root: ws.dir, targets: [ws.path('generated')] });
    assert.deepEqual(result.files, []);
    assert.equal(result.notices[0]?.code, 'path-ignored');
  });

  it('audits an explicitly named file and reports unsupported ones', () => {
    ws = createWorkspace({ 'vendor.min.js': CODE, 'notes.txt': 'x' });
    const result = discoverFiles({ root: ws.dir, targets: [ws.path('vendor.min.js'), ws.path('notes.txt')] });
    assert.deepEqual(result.files, [ws.path('vendor.min.js')]);
    assert.deepEqual(result.notices.map((n) => n.code), ['unsupported-file']);
  });

  it('does not follow symlinks out of the root, and visits linked folders inside it once', function () {
    ws = createWorkspace({ 'src/app.ts': CODE });
    const outside = createWorkspace({ 'leak.ts': CODE });
    try {
      try {
        symlinkSync(outside.dir, ws.path('linked-outside'), 'dir');
        symlinkSync(ws.path('src'), ws.path('src-again'), 'dir');
        symlinkSync(ws.dir, ws.path('src/loop'), 'dir');
      } catch {
        this.skip();
      }
      const result = discoverFiles({ root: ws.dir, targets: [ws.dir] });
      assert.deepEqual(result.files, [ws.path('src/app.ts')]);
      assert.ok(result.notices.some((n) => n.code === 'symlink-outside-root'));
    } finally {
      outside.remove();
    }
  });

  it('classifies file names', () => {
    assert.equal(isAuditableFileName('Login.TSX'), true);
    assert.equal(isAuditableFileName('index.d.mts'), false);
    assert.equal(isAuditableFileName('bundle.min.mjs'), false);
    assert.equal(isAuditableFileName('style.css'), false);
  });
});
