import { ts } from '../ts';

const TEST_PATH =
  /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|spec|specs|e2e|fixtures?|mocks?|stories|examples?|samples?|demo|cypress|playwright|benchmarks?)(\/|$)|\.(test|spec|e2e|stories|story|mock|fixture|tst|test-d)\.[cm]?[jt]sx?$|(^|\/)(jest|vitest|playwright|cypress)\.(config|setup)\.[cm]?[jt]s$/i;

const CLIENT_PATH =
  /(^|\/)(client|frontend|front-end|web|webapp|browser|public|static|components|hooks|pages|views|stores?|spa|ui|app\/\(client\)|mobile|native|screens)(\/|$)|\.(client)\.[cm]?[jt]sx?$|\.(tsx|jsx|vue)$/i;

const SERVER_PATH = /(^|\/)(server|api|backend|routes|controllers|middleware|functions|lambda|services|workers?)(\/|$)|\.server\.[cm]?[jt]sx?$|(^|\/)route\.[cm]?[jt]s$/i;

/** `true` for test, spec, fixture, mock, story and example files, judged by path. */
export function isTestPath(relPath: string): boolean {
  return TEST_PATH.test(relPath);
}

/**
 * `true` for code that ships to browsers or apps: a `'use client'` directive; else the side the team policy's
 * trust-boundary globs put the file on (`boundary`); else a client-side path that is not also a server path
 * (`src/components/`, `*.tsx`, `stores/`, but not `pages/api/`).
 */
export function isClientCode(relPath: string, sf: ts.SourceFile, boundary?: 'client' | 'server' | 'edge'): boolean {
  const first = sf.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) {
    if (first.expression.text === 'use client') return true;
    if (first.expression.text === 'use server') return false;
  }
  if (boundary !== undefined) return boundary === 'client';
  if (SERVER_PATH.test(relPath)) return false;
  return CLIENT_PATH.test(relPath);
}
