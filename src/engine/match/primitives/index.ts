import type { Primitive } from '../compiled';
import type { Pattern } from '../pattern-types';
import { argPrimitive } from './arg';
import { callPrimitive } from './call';
import { chainPrimitive } from './chain';
import { allPrimitive, anyPrimitive, notPrimitive } from './combinators';
import { declarationPrimitive } from './declaration';
import { fieldPrimitive } from './field';
import { filePrimitive } from './file';
import { inFunctionPrimitive } from './in-function';
import { insidePrimitive } from './inside';
import { kindPrimitive } from './kind';
import { capturePrimitive, operatorPrimitive, sameAsPrimitive } from './misc';
import { boundNamePrimitive, memberPathPrimitive, mentionsPrimitive, namePrimitive } from './names';
import { objectPrimitive } from './object';
import { usagePrimitive } from './usage';
import { valuePrimitive } from './value';

type AnyPrimitive = { [K in keyof Pattern]-?: Primitive<K> }[keyof Pattern];

/**
 * Every matcher primitive, in evaluation order: cheap structural tests first, then resolution, then
 * relational and file-level facts. `late` primitives (captures, `sameAs`) run last.
 */
export const PRIMITIVES: readonly AnyPrimitive[] = [
  kindPrimitive,
  operatorPrimitive,
  filePrimitive,
  namePrimitive,
  memberPathPrimitive,
  callPrimitive,
  argPrimitive,
  objectPrimitive,
  valuePrimitive,
  boundNamePrimitive,
  mentionsPrimitive,
  fieldPrimitive,
  chainPrimitive,
  declarationPrimitive,
  usagePrimitive,
  allPrimitive,
  anyPrimitive,
  notPrimitive,
  insidePrimitive,
  inFunctionPrimitive,
  sameAsPrimitive,
  capturePrimitive,
];
