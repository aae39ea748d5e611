/**
 * Turning a rule's match into a {@link Finding}: plain data (no AST nodes), secrets redacted, fixes built from
 * the rule's snippets with the team's identity provider and secret store.
 */
import * as path from 'node:path';
import type { FileContext } from './context/file-context';
import { buildFix, type FixRouting } from './fixes/build-fix';
import { loadSnippet, snippetFile } from './fixes/snippet-store';
import type { MatchState } from './match/compiled';
import { VALUE_ORIGIN_CAPTURE } from './match/primitives/value';
import { packageRoot } from './package-root';
import { renderPolicyPlaceholders } from './policy/policy-placeholders';
import { rangeOf, reportSpan } from './ranges';
import { redactSecrets } from './redact';
import { renderMessage } from './render-message';
import type { LoadedRule } from './rules/rule-types';
import { ts } from './ts';
import type { Finding, Fix, Severity } from './types';

/** Source lines `first..last` (1-based, inclusive) without splitting the whole text. */
function snippetLines(sf: ts.SourceFile, first: number, last: number): string {
  const starts = sf.getLineStarts();
  const from = starts[first - 1] ?? 0;
  const to = last < starts.length ? starts[last]! - 1 : sf.text.length;
  return sf.text.slice(from, Math.max(from, to)).replace(/\r$/, '');
}

/**
 * The finding a rule's match makes: reported span, redacted snippet, related location of the value's origin,
 * message with captures and policy values filled in, and the fixes its snippets build for the routing.
 */
export function buildFinding(rule: LoadedRule, node: ts.Node, state: MatchState, ctx: FileContext, severity: Severity | 'off' | undefined, routing: FixRouting): Finding {
  const sf = ctx.sourceFile;
  const reportName = rule.definition.report;
  const reported = (reportName ? state.captures.get(reportName) : undefined) ?? node;
  const [start, end] = reportSpan(sf, reported);
  const range = rangeOf(sf, start, end);
  const secret = rule.category === 'secret.inline';
  const snippet = redactSecrets(snippetLines(sf, range.startLine, Math.min(range.endLine, range.startLine + 2)).trim(), secret);
  const related = [];
  const origin = state.captures.get(VALUE_ORIGIN_CAPTURE);
  if (origin && (origin.getStart(sf) < start || origin.getEnd() > end)) {
    related.push({ message: secret ? 'The value is written here.' : 'The value is defined here.', range: rangeOf(sf, origin.getStart(sf), origin.getEnd()) });
  }
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: severity && severity !== 'off' ? severity : rule.severity,
    confidence: rule.confidence,
    title: rule.title,
    message: renderMessage(state.settings ? renderPolicyPlaceholders(rule.message, state.settings) : rule.message, state.captures, sf),
    file: ctx.file,
    range,
    snippet,
    related,
    tags: rule.tags,
    frameworks: rule.frameworks,
    fixes: fixesFor(rule, reported, state, ctx, routing),
  };
}

function fixesFor(rule: LoadedRule, reported: ts.Node, state: MatchState, ctx: FileContext, routing: FixRouting): Fix[] {
  const refs = rule.definition.fixes ?? [];
  const out: Fix[] = [];
  for (const ref of refs) {
    const file =
      (rule.packDir !== undefined ? snippetFile(path.join(rule.packDir, 'snippets'), ref.snippet) : undefined) ??
      snippetFile(path.join(path.dirname(path.dirname(rule.dir)), 'snippets'), ref.snippet) ??
      snippetFile(path.join(packageRoot(), 'snippets'), ref.snippet);
    if (!file) continue;
    const snippet = loadSnippet(file);
    if ('code' in snippet) continue;
    const target = (ref.target ? state.captures.get(ref.target) : undefined) ?? reported;
    const value = ts.isExpression(target) ? ctx.constants.resolve(target) : undefined;
    const envName = value && (value.kind === 'string' || value.kind === 'number') ? value.envFallback : undefined;
    const fix = buildFix({
      ctx,
      snippetId: ref.snippet,
      snippet,
      title: ref.title,
      changesBehavior: ref.changesBehavior ?? true,
      target,
      captures: state.captures,
      envName,
      routing,
    });
    if (fix) out.push(fix);
  }
  return out;
}
