import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Row {
  key: string;
  type: string;
  default: unknown;
}

/** The rows of the README's settings table (`| \`trustline.x\` | type | \`default\` | description |`). */
function readmeRows(): Row[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## VS Code extension'));
  assert.ok(readme.includes('## VS Code extension'), 'README has a "VS Code extension" section');
  const table = section.slice(section.indexOf('| Setting | Type | Default | Description |'));
  const rows: Row[] = [];
  for (const line of table.split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    assert.equal(cells.length, 4, `a settings row has 4 cells: ${line}`);
    const key = /^`([^`]+)`$/.exec(cells[0]!)?.[1];
    const def = /^`(.+)`$/.exec(cells[2]!)?.[1];
    assert.ok(key && def !== undefined, `row: ${line}`);
    assert.ok(cells[3]!.length > 0, `${key} has a description`);
    rows.push({ key, type: cells[1]!, default: JSON.parse(def) });
  }
  return rows;
}

describe('README settings table', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties: Record<string, { type: string; default: unknown }> = manifest.contributes.configuration.properties;
  const rows = readmeRows();

  it('lists exactly the settings of contributes.configuration, in the same order', () => {
    assert.deepEqual(rows.map((r) => r.key), Object.keys(properties));
  });

  it('gives each setting the type and default of package.json', () => {
    for (const row of rows) {
      const prop = properties[row.key]!;
      assert.equal(row.type, prop.type, `${row.key}: type`);
      assert.deepEqual(row.default, prop.default, `${row.key}: default`);
    }
  });
});
