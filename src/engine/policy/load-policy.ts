/**
 * Reads one policy file: YAML/JSON with line mapping, schema validation with did-you-mean for unknown keys.
 * Invalid parts are reported (file, line, JSON pointer, what was expected) and dropped; the valid rest applies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suggestClosest } from '../edit-distance';
import { packageRoot } from '../package-root';
import { readDataFile, type DataFile } from '../rules/read-data-file';
import { validateAgainst, type SchemaIssue } from '../rules/schema-validator';
import type { Notice } from '../types';
import type { PolicyDocument } from './policy-types';

/** A policy file that was read: what is valid in it, and its source for line lookups. */
export interface PolicyFile {
  file: string;
  /** The valid part of the document (invalid entries removed). */
  document: PolicyDocument;
  /** 1-based line of a JSON pointer in the file. */
  lineOf(pointer: string): number | undefined;
}

let policySchema: unknown;

/** The policy schema's node for a JSON pointer into a policy (following properties, additionalProperties, $ref). */
function schemaAt(pointer: string): unknown {
  policySchema ??= JSON.parse(fs.readFileSync(path.join(packageRoot(), 'rules', 'schema', 'policy.schema.json'), 'utf8'));
  const defs: unknown = Reflect.get(policySchema as object, '$defs');
  const deref = (node: unknown): unknown => {
    const ref: unknown = typeof node === 'object' && node !== null ? Reflect.get(node, '$ref') : undefined;
    return typeof ref === 'string' && typeof defs === 'object' && defs !== null ? Reflect.get(defs, ref.replace('#/$defs/', '')) : node;
  };
  let node: unknown = policySchema;
  for (const part of pointer.split('/').slice(1)) {
    node = deref(node);
    if (typeof node !== 'object' || node === null) return undefined;
    const props: unknown = Reflect.get(node, 'properties');
    const own: unknown = typeof props === 'object' && props !== null ? Reflect.get(props, part) : undefined;
    node = own ?? Reflect.get(node, 'additionalProperties');
    node = deref(node);
    const oneOf: unknown = typeof node === 'object' && node !== null ? Reflect.get(node, 'oneOf') : undefined;
    if (Array.isArray(oneOf)) node = oneOf.map(deref).find((o) => typeof o === 'object' && o !== null && 'properties' in o) ?? node;
  }
  return deref(node);
}

/** Keys the schema allows in the object at `pointer`. */
function allowedKeys(pointer: string): string[] {
  const node = schemaAt(pointer);
  const props: unknown = typeof node === 'object' && node !== null ? Reflect.get(node, 'properties') : undefined;
  return typeof props === 'object' && props !== null ? Object.keys(props) : [];
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/** The issue's message with a did-you-mean for unknown keys. */
function explain(issue: SchemaIssue): string {
  const unknown = /^unknown key "(.*)"$/.exec(issue.message);
  if (!unknown) return issue.message;
  const allowed = allowedKeys(parentPointer(issue.pointer));
  const closest = suggestClosest(unknown[1]!, allowed);
  const expected = allowed.length > 0 ? ` (expected one of ${allowed.join(', ')})` : '';
  return `${issue.message}${closest !== undefined ? `; did you mean "${closest}"?` : expected}`;
}

/**
 * What to drop for an issue so the rest stays valid: the offending rule entry, the offending field of a
 * nested object, or the top-level key. `''` means the whole document is unusable.
 */
function dropPointer(pointer: string): string {
  const parts = pointer.split('/').slice(1);
  if (parts.length === 0) return '';
  if (parts[0] === 'rules' || parts[0] === 'tokenLifetimes' || parts[0] === 'trustBoundary') return `/${parts.slice(0, 2).join('/')}`;
  return `/${parts[0]}`;
}

function removeAt(data: Record<string, unknown>, pointer: string): void {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = data;
  for (const part of parts.slice(0, -1)) node = typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined;
  if (typeof node === 'object' && node !== null) Reflect.deleteProperty(node, parts[parts.length - 1]!);
}

function isPolicyDocument(v: unknown): v is PolicyDocument {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && validateAgainst('policy', v).length === 0;
}

/**
 * A notice about a policy file: `<name>:<line> at <pointer>: <message>`.
 * @param file - Absolute policy file.
 * @param line - 1-based line, when known.
 * @param pointer - JSON pointer of the offending value.
 * @param message - What is wrong and what was expected.
 * @param level - Notice level (default error).
 */
export function policyNotice(file: string, line: number | undefined, pointer: string, message: string, level: Notice['level'] = 'error'): Notice {
  const where = pointer === '' ? '' : ` at ${pointer}`;
  return { level, code: 'invalid-policy', message: `${path.basename(file)}${line ? `:${line}` : ''}${where}: ${message}`, file, line, pointer };
}

/**
 * Reads and validates a policy file. Syntax errors make the file unusable; schema errors drop the offending
 * entries and are reported, and the rest of the policy applies.
 * @param file - Absolute path of `.trustline.yaml`, `.trustline.yml` or `.trustline.json`.
 * @param notices - Receives the problems.
 * @returns The usable policy, or `undefined` when nothing in the file can be used.
 */
export function loadPolicyFile(file: string, notices: Notice[]): PolicyFile | undefined {
  let data: DataFile;
  try {
    data = readDataFile(file);
  } catch (err) {
    notices.push(policyNotice(file, undefined, '', `cannot read the policy: ${(err as Error).message}`));
    return undefined;
  }
  if (data.errors.length > 0) {
    for (const e of data.errors) notices.push(policyNotice(file, e.line, '', `${e.message} (the policy is not valid YAML/JSON and is ignored)`));
    return undefined;
  }
  const raw = data.data ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    notices.push(policyNotice(file, 1, '', 'expected a mapping of policy settings (extends, rules, identityProvider, ...); the policy is ignored'));
    return undefined;
  }
  const doc: Record<string, unknown> = structuredClone(raw) as Record<string, unknown>;
  const issues = validateAgainst('policy', doc);
  const dropped = new Set<string>();
  const byPointer = new Map<string, SchemaIssue[]>();
  for (const issue of issues) byPointer.set(issue.pointer, [...(byPointer.get(issue.pointer) ?? []), issue]);
  for (const [pointer, group] of byPointer) {
    // Several failed alternatives at one place (a duration that is neither seconds nor `15m`): say what the
    // field expects once, from the schema's description.
    const description: unknown = group.length > 1 ? Reflect.get(Object(schemaAt(pointer)), 'description') : undefined;
    const message = typeof description === 'string' ? `invalid value; expected ${description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}` : group.map(explain).join('; ');
    notices.push(policyNotice(file, data.keyLineOf(pointer), pointer, `${message}; this setting is ignored`));
    dropped.add(dropPointer(pointer));
  }
  if (dropped.has('')) return undefined;
  // Deepest first, so removing a rule entry never shifts another pointer.
  for (const pointer of [...dropped].sort((a, b) => b.length - a.length)) removeAt(doc, pointer);
  if (!isPolicyDocument(doc)) {
    notices.push(policyNotice(file, 1, '', 'the policy could not be repaired after dropping invalid settings and is ignored'));
    return undefined;
  }
  return { file, document: doc, lineOf: (pointer) => data.keyLineOf(pointer) };
}

/** JSON pointer of a rule's entry under `rules`. */
export function rulePointer(ruleId: string): string {
  return `/rules/${ruleId.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
