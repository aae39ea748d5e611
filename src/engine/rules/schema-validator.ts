import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../package-root';

/** One schema violation: JSON pointer and a message saying what was expected. */
export interface SchemaIssue {
  pointer: string;
  message: string;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** The compiled validator of `rules/schema/<name>.schema.json`. */
export function schemaValidator(name: 'rule' | 'pack' | 'policy' | 'snippet' | 'baseline'): ValidateFunction {
  let v = validators.get(name);
  if (v) return v;
  ajv ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const file = path.join(packageRoot(), 'rules', 'schema', `${name}.schema.json`);
  const schema: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof schema !== 'object' || schema === null) throw new Error(`invalid schema file ${file}`);
  v = ajv.compile(schema);
  validators.set(name, v);
  return v;
}

function describe(err: ErrorObject): SchemaIssue {
  const pointer = err.instancePath || '';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(err.params['additionalProperty']);
      return { pointer: `${pointer}/${key}`, message: `unknown key "${key}"` };
    }
    case 'enum': {
      const allowed = err.params['allowedValues'];
      return { pointer, message: `must be one of ${Array.isArray(allowed) ? allowed.map((a) => JSON.stringify(a)).join(', ') : 'the allowed values'}` };
    }
    case 'required':
      return { pointer, message: `missing required key "${String(err.params['missingProperty'])}"` };
    default:
      return { pointer, message: err.message ?? 'is invalid' };
  }
}

/**
 * Validates data against a schema and returns readable issues. `oneOf` noise is trimmed: when deeper errors
 * explain a failed alternative, the generic "must match exactly one schema" line is dropped.
 */
export function validateAgainst(name: 'rule' | 'pack' | 'policy' | 'snippet' | 'baseline', data: unknown): SchemaIssue[] {
  const validate = schemaValidator(name);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const issues = errors.map(describe);
  const pointers = issues.map((i) => i.pointer);
  const filtered = issues.filter((issue, i) => {
    const kw = errors[i]!.keyword;
    if (kw !== 'oneOf' && kw !== 'type') return true;
    return !pointers.some((p, j) => j !== i && p !== issue.pointer && p.startsWith(issue.pointer) && errors[j]!.keyword !== 'type');
  });
  const seen = new Set<string>();
  return (filtered.length > 0 ? filtered : issues).filter((i) => {
    const k = `${i.pointer} ${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
