import type { Primitive } from '../compiled';
import type { Pattern } from '../pattern-types';
import { argPrimitive } from './arg';
import { callPrimitive } from './call';
import { chainPrimitive } from './chain';
import { allPrimitive } from './all';
import { anyPrimitive } from './any';
import { notPrimitive } from './not';
import { declarationPrimitive } from './declaration';
import { definitionPrimitive } from './definition';
import { containsPrimitive } from './contains';
import { flowsFromPrimitive } from './flows-from';
import { fieldPrimitive } from './field';
import { filePrimitive } from './file';
import { inFunctionPrimitive } from './in-function';
import { importedPrimitive } from './imported';
import { insidePrimitive } from './inside';
import { kindPrimitive } from './kind';
import { capturePrimitive } from './capture';
import { operatorPrimitive } from './operator';
import { sameAsPrimitive } from './same-as';
import { boundNamePrimitive } from './bound-name';
import { memberPathPrimitive } from './member-path';
import { mentionsPrimitive } from './mentions';
import { namePrimitive } from './name';
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
  importedPrimitive,
  allPrimitive,
  anyPrimitive,
  notPrimitive,
  insidePrimitive,
  inFunctionPrimitive,
  flowsFromPrimitive,
  definitionPrimitive,
  containsPrimitive,
  sameAsPrimitive,
  capturePrimitive,
];
