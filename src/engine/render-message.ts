import type { CaptureReader } from './match/compiled';
import { memberPathOf, nameOf } from './match/node-names';
import { redactSecrets } from './redact';
import { ts } from './ts';

/**
 * Fills `{{capture}}` placeholders of a rule message with names only: a captured identifier, member chain or
 * call shows its name; a literal shows as "a literal", so a secret's value never reaches a message.
 */
export function renderMessage(template: string, captures: CaptureReader, sf: ts.SourceFile): string {
  return template.replace(/\{\{\s*([A-Za-z$][\w$]*)\s*\}\}/g, (whole, key: string) => {
    const node = captures.get(key);
    if (!node) return whole;
    if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || ts.isNumericLiteral(node)) return 'a literal';
    const named = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression : node;
    const name = memberPathOf(named) ?? nameOf(named);
    if (name !== undefined) return name;
    const text = redactSecrets(node.getText(sf).replace(/\s+/g, ' '), true);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  });
}
