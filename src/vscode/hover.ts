/** Hover on a finding: what, why it matters, how to fix, and the framework references. */
import * as vscode from 'vscode';
import type { Finding } from '../engine';
import { docsFile } from './convert';
import { docsSection } from './docs';
import type { Linter } from './linter';
import type { RuleHost } from './rule-host';

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly linter: Linter,
    private readonly host: RuleHost,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const findings = this.linter.findingsAt(doc, position);
    if (findings.length === 0) return undefined;
    return new vscode.Hover(findings.map((f) => this.render(f)));
  }

  render(f: Finding): vscode.MarkdownString {
    const rule = this.host.rule(f.ruleId);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Trustline: ${escape(f.title)}** \`${f.ruleId}\` · ${f.severity}\n\n`);
    md.appendMarkdown(`${escape(f.message)}\n\n`);
    const why = rule && docsSection(rule.docs, 'why');
    if (why) md.appendMarkdown(`**Why it matters**\n\n${why}\n\n`);
    const how = rule && docsSection(rule.docs, 'how to fix', 'fix');
    if (how) md.appendMarkdown(`**How to fix**\n\n${how}\n\n`);
    const refs = [
      ...f.tags.cwe.map((c) => `[${c}](https://cwe.mitre.org/data/definitions/${c.replace(/^CWE-/, '')}.html)`),
      ...f.tags.asvs.map((a) => `ASVS ${a}`),
      ...f.tags.nhi.map((n) => `OWASP NHI ${n}`),
      ...f.tags.csf.map((c) => `NIST CSF ${c}`),
    ];
    if (refs.length > 0) md.appendMarkdown(`**References:** ${refs.join(' · ')}\n\n`);
    if (rule) md.appendMarkdown(`[Rule documentation](${vscode.Uri.file(docsFile(rule)).toString()})`);
    return md;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
