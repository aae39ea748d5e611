import { ts } from '../ts';
import { testDiscardingCaptures, type MatchState, type NodeTest } from './compiled';

/** Some node below `root` (not `root` itself; nested functions included) passes `test`; captures are not kept. */
export function someDescendant(root: ts.Node, test: NodeTest, state: MatchState): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (testDiscardingCaptures(test, n, state)) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(root, visit);
  return found;
}
