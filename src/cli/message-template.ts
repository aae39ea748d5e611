/**
 * Rule messages are templates with `{{capture}}` placeholders that the engine fills per finding. Where a
 * front end shows the message of a rule rather than of a finding (SARIF rule descriptions, `explain`),
 * each placeholder is replaced by its capture name.
 */

/**
 * The template with `{{name}}` replaced by `name`.
 * @param template - A rule's `message`.
 */
export function genericMessage(template: string): string {
  return template.replace(/\{\{\s*([A-Za-z$][\w$]*)\s*\}\}/g, (_whole, name: string) => name);
}
