/** The language status item: finding counts of the active file, and rule-load errors. */
import * as vscode from 'vscode';
import { LANGUAGES, type Linter } from './linter';
import type { RuleHost } from './rule-host';

export class TrustlineStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('trustline.status', [...LANGUAGES]);

  constructor(
    private readonly linter: Linter,
    private readonly host: RuleHost,
  ) {
    this.item.name = 'Trustline';
    this.item.command = { title: 'Show Log', command: 'trustline.showOutput' };
    this.update();
  }

  dispose(): void {
    this.item.dispose();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const result = doc ? this.linter.result(doc.uri) : undefined;
    const errors = this.host.notices.filter((n) => n.level === 'error').length;
    if (!result) {
      this.item.text = '$(shield) Trustline';
      this.item.detail = doc && this.linter.isEligible(doc) ? 'waiting for analysis' : 'not analyzing this file';
    } else if (result.skipped) {
      this.item.text = '$(shield) Trustline: skipped';
      this.item.detail = result.skipped;
    } else {
      const count = (s: string): number => result.findings.filter((f) => f.severity === s).length;
      const n = result.findings.length;
      this.item.text = `$(shield) Trustline: ${n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`}`;
      this.item.detail = `${count('error')} errors, ${count('warning')} warnings, ${count('info')} info · ${result.ms.toFixed(1)} ms`;
    }
    if (errors > 0) this.item.detail += ` · ${errors} rule pack error${errors === 1 ? '' : 's'}`;
    this.item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : result?.findings.some((f) => f.severity === 'error') ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }
}
