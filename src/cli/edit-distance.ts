/**
 * "Did you mean" suggestions for the CLI. The implementation lives in the engine, which also uses it for
 * mistyped rule ids in suppression comments.
 */
export { editDistance, suggestClosest } from '../engine/edit-distance';
