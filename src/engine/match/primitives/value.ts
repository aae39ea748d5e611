import type { ConstValue } from '../../context/constants';
import { ts } from '../../ts';
import type { MatchState, Primitive } from '../compiled';
import { durationSeconds, policyDurationSeconds } from '../../policy/duration';
import { compileRegex } from '../name-spec';
import type { ValueSpec } from '../pattern-types';
import { boundNameOf } from '../node-names';
import { echoesName, isPlaceholder, shannonEntropy } from '../value-tests';

/** Capture name under which `value` stores the literal node a resolved value was written at. */
export const VALUE_ORIGIN_CAPTURE = '$valueOrigin';

type ValueTest = (v: ConstValue, state: MatchState) => boolean;

function compileValueSpec(spec: ValueSpec, where: string): ValueTest {
  const tests: ValueTest[] = [];
  const scalar = (v: ConstValue): string | number | boolean | undefined =>
    v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' ? v.value : undefined;
  if (spec.string !== undefined) tests.push((v) => (v.kind === 'string') === spec.string);
  if (spec.equals !== undefined) {
    const allowed = Array.isArray(spec.equals) ? spec.equals : [spec.equals];
    tests.push((v) => {
      const s = scalar(v);
      return s !== undefined && allowed.includes(s);
    });
  }
  if (spec.regex !== undefined) {
    const re = compileRegex(spec.regex, '', `${where}/regex`);
    tests.push((v) => v.kind === 'string' && re.test(v.value));
  }
  if (spec.notRegex !== undefined) {
    const re = compileRegex(spec.notRegex, '', `${where}/notRegex`);
    tests.push((v) => v.kind === 'string' && !re.test(v.value));
  }
  if (spec.minLength !== undefined) tests.push((v) => v.kind === 'string' && v.value.length >= spec.minLength!);
  if (spec.maxLength !== undefined) tests.push((v) => v.kind === 'string' && v.value.length <= spec.maxLength!);
  if (spec.minEntropy !== undefined) tests.push((v) => v.kind === 'string' && shannonEntropy(v.value) >= spec.minEntropy!);
  if (spec.notPlaceholder) tests.push((v) => v.kind === 'string' && !isPlaceholder(v.value));
  if (spec.notEchoOfName) {
    tests.push((v) => {
      if (v.kind !== 'string') return false;
      const name = boundNameOf(v.node);
      return name === undefined || !echoesName(v.value, name);
    });
  }
  if (spec.lessThan !== undefined) tests.push((v) => v.kind === 'number' && v.value < spec.lessThan!);
  if (spec.greaterThan !== undefined) tests.push((v) => v.kind === 'number' && v.value > spec.greaterThan!);
  if (spec.envFallback !== undefined) {
    tests.push((v) => (v.kind === 'string' || v.kind === 'number') && (v.envFallback !== undefined) === spec.envFallback);
  }
  if (spec.durationOver !== undefined) {
    const { limit, numbers } = spec.durationOver;
    const fixed = typeof limit === 'object' ? undefined : policyDurationSeconds(limit);
    const ref = typeof limit === 'object' ? limit.policy : undefined;
    tests.push((v, state) => {
      if (v.kind !== 'string' && v.kind !== 'number') return false;
      const max = ref !== undefined ? state.settings?.get(ref) : fixed;
      if (typeof max !== 'number') return false;
      const seconds = durationSeconds(v.value, numbers);
      return seconds !== undefined && seconds > max;
    });
  }
  if (spec.someElement !== undefined) {
    const inner = compileValueSpec(spec.someElement, `${where}/someElement`);
    tests.push((v, state) => v.kind === 'array' && v.elements.some((e) => e !== undefined && inner(e, state)));
  }
  return (v, state) => tests.every((t) => t(v, state));
}

/**
 * `value`: the node's constant value — resolved through consts, templates, concatenation, const object members
 * and env fallbacks — passes every test. The literal's own node is captured as `$valueOrigin`.
 */
export const valuePrimitive: Primitive<'value'> = {
  key: 'value',
  compile: (spec, _sub, where) => {
    const test = compileValueSpec(spec, where);
    return (node, state) => {
      if (!ts.isExpression(node)) return false;
      const v = state.ctx.constants.resolve(node);
      if (!v || !test(v, state)) return false;
      if (v.node !== node) state.captures.set(VALUE_ORIGIN_CAPTURE, v.node);
      return true;
    };
  },
};
