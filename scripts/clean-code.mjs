#!/usr/bin/env node
// False alarms on clean, mature auth code: runs the full built-in catalogue over well-maintained auth libraries
// installed from npm into a scratch folder, and prints findings per 1,000 lines with every finding listed.
//
//   npm run clean-code [-- --dir /tmp/trustline-authlibs]
//
// The libraries are installed (with --ignore-scripts) into --dir when it has no node_modules yet. Reports; does
// not judge (exit 0 unless something crashes).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = [
  'passport', 'passport-local', 'passport-jwt', 'passport-oauth2', 'express-session', 'cookie-session', 'jose',
  'openid-client', 'oslo', 'next-auth', '@auth/core', 'oauth4webapi', 'express-jwt', 'jwks-rsa', 'iron-session',
  'koa-session', '@fastify/jwt', '@fastify/session', 'fast-jwt', 'bcryptjs', 'jsonwebtoken', 'lucia', 'arctic',
];
const argv = process.argv.slice(2);
const dirIdx = argv.indexOf('--dir');
const dir = path.resolve(dirIdx >= 0 ? argv[dirIdx + 1] : path.join(os.tmpdir(), 'trustline-authlibs'));
const modules = path.join(dir, 'node_modules');

if (!fs.existsSync(modules)) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  console.error(`installing ${PACKAGES.length} packages into ${dir} ...`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], { cwd: dir, stdio: 'inherit' });
}

const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') walk(f);
    } else if (/\.(js|mjs|cjs|ts|tsx|jsx)$/.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name) && !/\.min\.js$/.test(e.name)) {
      files.push(f);
    }
  }
};
for (const p of PACKAGES) if (fs.existsSync(path.join(modules, p))) walk(path.join(modules, p));
files.sort();

const require = createRequire(path.join(ROOT, 'package.json'));
const engine = require(path.join(ROOT, 'dist', 'engine.js'));
const { rules } = engine.loadBuiltinRules();
const analyzer = new engine.Analyzer({ rules, root: modules, crossFile: new engine.WorkspaceResolver(modules) });
let lines = 0;
let skipped = 0;
const found = [];
for (const file of files) {
  const r = analyzer.analyzeFile(file);
  if (r.skipped) {
    skipped++;
    continue;
  }
  lines += r.lineCount;
  for (const f of r.findings) {
    if (f.suppression) continue;
    found.push(`${path.relative(modules, file)}:${f.range.startLine}  ${f.ruleId} (${f.severity})  ${f.snippet.split('\n')[0].trim().slice(0, 100)}`);
  }
}
console.log(`${PACKAGES.length} packages, ${files.length} files (${skipped} skipped), ${lines.toLocaleString('en-US')} lines, ${rules.length} rules`);
console.log(`findings: ${found.length}, per 1,000 lines: ${((found.length / Math.max(lines, 1)) * 1000).toFixed(3)} (target <= 0.5)`);
for (const line of found) console.log(`  ${line}`);
