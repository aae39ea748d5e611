/**
 * Rules and analyzers for the editor. Rules load lazily on first analysis and again after a change of
 * `trustline.rulePacks`, of workspace trust, or of a pack file. Load problems are logged and shown once per
 * load (never per keystroke); problems in pack files inside the workspace become diagnostics on those files.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Analyzer, LoadedRule, Notice, PolicyAnalyzers } from '../engine';
import { engine } from './engine-loader';
import type { TrustlineSettings } from './settings';

interface LoadedState {
  key: string;
  rules: LoadedRule[];
  byId: Map<string, LoadedRule>;
  notices: Notice[];
  /** Packs ignored because the workspace is not trusted. */
  ignored: string[];
}

export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function workspaceDirs(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

export class RuleHost implements vscode.Disposable {
  private state: LoadedState | undefined;
  private readonly analyzers = new Map<string, { key: string; analyzer: Analyzer }>();
  /** Per workspace folder: analyzers per team-policy scope (`.trustline.yaml` files), for the current settings. */
  private readonly policies = new Map<string, { key: string; scopes: PolicyAnalyzers; reported: number }>();
  private readonly packDiagnostics = vscode.languages.createDiagnosticCollection('trustline-packs');
  private readonly shown = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  dispose(): void {
    this.packDiagnostics.dispose();
  }

  /** Drops loaded rules and analyzers; the next analysis reloads them. */
  invalidate(): void {
    this.state = undefined;
    this.analyzers.clear();
    this.policies.clear();
  }

  /** Notices of the last load (errors count for the status item). */
  get notices(): readonly Notice[] {
    return this.state?.notices ?? [];
  }

  /** A rule by id: built-in, from the settings' packs, or from a pack a team policy extends. */
  rule(id: string): LoadedRule | undefined {
    const own = this.state?.byId.get(id);
    if (own) return own;
    for (const p of this.policies.values()) {
      const found = p.scopes.allRules().find((r) => r.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Absolute pack paths from the settings; packs inside the workspace are dropped while it is untrusted. */
  private packPaths(settings: TrustlineSettings): { use: string[]; ignored: string[] } {
    const dirs = workspaceDirs();
    const base = dirs[0];
    const use: string[] = [];
    const ignored: string[] = [];
    for (const raw of settings.rulePacks) {
      const expanded = raw.replace(/\$\{workspaceFolder\}/g, base ?? '');
      const abs = path.isAbsolute(expanded) ? path.normalize(expanded) : base ? path.resolve(base, expanded) : undefined;
      if (!abs) {
        ignored.push(raw);
        continue;
      }
      if (!vscode.workspace.isTrusted && dirs.some((d) => isInside(abs, d))) ignored.push(abs);
      else use.push(abs);
    }
    return { use, ignored };
  }

  private load(settings: TrustlineSettings): LoadedState {
    const { use, ignored } = this.packPaths(settings);
    const key = JSON.stringify([use, vscode.workspace.isTrusted]);
    if (this.state?.key === key) return this.state;
    const t0 = performance.now();
    const e = engine();
    const builtin = e.loadBuiltinRules();
    const notices: Notice[] = [...builtin.notices];
    const byId = new Map<string, LoadedRule>();
    for (const r of builtin.rules) byId.set(r.id, r);
    if (use.length > 0) {
      let packs: { rules: LoadedRule[]; notices: Notice[] };
      try {
        packs = e.loadRulePacks(use);
      } catch (err) {
        packs = { rules: [], notices: [{ level: 'error', code: 'invalid-pack', message: `cannot load rule packs: ${(err as Error).message}` }] };
      }
      notices.push(...packs.notices);
      for (const r of packs.rules) byId.set(r.id, r);
    }
    this.state = { key, rules: [...byId.values()], byId, notices, ignored };
    this.analyzers.clear();
    this.log.info(`loaded ${this.state.rules.length} rules (${use.length} extra pack${use.length === 1 ? '' : 's'}) in ${(performance.now() - t0).toFixed(0)} ms`);
    for (const p of ignored) this.log.warn(`rule pack ${p} ignored: the workspace is not trusted (it loads once trust is granted)`);
    this.report(notices);
    return this.state;
  }

  /** Logs load notices, shows new errors once, and puts problems of workspace pack files on those files. */
  private report(notices: Notice[]): void {
    const dirs = workspaceDirs();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const fresh: Notice[] = [];
    for (const n of notices) {
      const line = `${n.code}: ${n.message}${n.pointer !== undefined ? ` (at ${n.pointer || '/'})` : ''}`;
      if (n.level === 'error') this.log.error(line);
      else if (n.level === 'warning') this.log.warn(line);
      else this.log.info(line);
      if (n.level === 'error' && !this.shown.has(n.message)) {
        this.shown.add(n.message);
        fresh.push(n);
      }
      if (n.file && dirs.some((d) => isInside(n.file!, d))) {
        const at = Math.max(0, (n.line ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(at, 0, at, Number.MAX_SAFE_INTEGER), n.message, n.level === 'error' ? vscode.DiagnosticSeverity.Error : n.level === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
        d.source = 'trustline';
        d.code = n.code;
        const list = byFile.get(n.file) ?? [];
        list.push(d);
        byFile.set(n.file, list);
      }
    }
    this.packDiagnostics.clear();
    for (const [file, diags] of byFile) this.packDiagnostics.set(vscode.Uri.file(file), diags);
    if (fresh.length > 0) {
      const first = fresh[0]!.message;
      const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more)` : '';
      const what = fresh.every((n) => n.code === 'invalid-policy') ? 'team policy' : 'rule pack';
      void vscode.window.showWarningMessage(`Trustline: ${what} problem: ${first}${more}`, 'Show Log').then((choice) => {
        if (choice) this.log.show(true);
      });
    }
  }

  /** Extra rule packs a workspace audit loads: the same trust filtering as in the editor. */
  packPathsFor(settings: TrustlineSettings): string[] {
    return this.packPaths(settings).use;
  }

  /** Every rule for these settings (built-in and packs), loading them when needed. */
  rulesFor(settings: TrustlineSettings): LoadedRule[] {
    return this.load(settings).rules;
  }

  /**
   * The policy scopes of a workspace folder: the team policy (`.trustline.{yaml,yml,json}` files, nested ones
   * for their subtrees) on top of the settings. Its identity provider and secret store win over the settings; the
   * settings' severity overrides apply on top of its rule settings. In an untrusted workspace its `extends` packs
   * are not loaded (built-in rules only). Policy problems are logged and shown on the policy files, once.
   */
  private policyScopes(folder: string, settings: TrustlineSettings): PolicyAnalyzers {
    const state = this.load(settings);
    const key = JSON.stringify([state.key, settings.severityOverrides, settings.identityProvider, settings.secretStore]);
    let entry = this.policies.get(folder);
    if (entry?.key !== key) {
      const e = engine();
      const scopes = new e.PolicyAnalyzers({
        resolver: new e.PolicyResolver({ root: folder }),
        baseRules: state.rules,
        allowExtends: vscode.workspace.isTrusted,
        analyzer: {
          severity: settings.severityOverrides,
          root: folder,
          routing: { identityProvider: settings.identityProvider, secretStore: settings.secretStore, envExampleDir: folder },
        },
      });
      entry = { key, scopes, reported: 0 };
      this.policies.set(folder, entry);
    }
    return entry.scopes;
  }

  /** Reports policy notices that appeared since the last call (a new scope was built). */
  private reportPolicyNotices(folder: string): void {
    const entry = this.policies.get(folder);
    if (!entry || entry.scopes.notices.length === entry.reported) return;
    entry.reported = entry.scopes.notices.length;
    const all = [...this.policies.values()].flatMap((p) => p.scopes.notices);
    this.report([...(this.state?.notices ?? []), ...all]);
  }

  /** `true` when the team policy's `ignore` globs exclude the file. */
  isIgnoredByPolicy(file: string, folder: string | undefined, settings: TrustlineSettings): boolean {
    if (folder === undefined) return false;
    const ignored = this.policyScopes(folder, settings).isIgnored(file);
    this.reportPolicyNotices(folder);
    return ignored;
  }

  /** The analyzer for one file: its folder's policy scope, or the settings alone outside a workspace folder. */
  analyzerForFile(file: string, folder: string | undefined, settings: TrustlineSettings): Analyzer {
    if (folder === undefined) return this.analyzerFor(folder, settings);
    const analyzer = this.policyScopes(folder, settings).analyzerFor(file);
    this.reportPolicyNotices(folder);
    return analyzer;
  }

  /** The analyzer for files of a workspace folder (or of no folder), built for the current settings. */
  analyzerFor(folder: string | undefined, settings: TrustlineSettings): Analyzer {
    const state = this.load(settings);
    const key = JSON.stringify([state.key, settings.severityOverrides, settings.identityProvider, settings.secretStore]);
    const slot = folder ?? '';
    const cached = this.analyzers.get(slot);
    if (cached?.key === key) return cached.analyzer;
    const analyzer = new (engine().Analyzer)({
      rules: state.rules,
      severity: settings.severityOverrides,
      root: folder,
      routing: { identityProvider: settings.identityProvider, secretStore: settings.secretStore, envExampleDir: folder },
    });
    this.analyzers.set(slot, { key, analyzer });
    return analyzer;
  }
}
