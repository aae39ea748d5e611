/**
 * Entry point of the `trustline` command (bundled to `dist/cli.js`). Sets `process.exitCode` instead of
 * calling `process.exit()` so piped output is fully flushed, and exits quietly when the reader of a pipe
 * goes away (`trustline audit | head`).
 */
import { processContext } from './cli-context';
import { runCli } from './run-cli';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

process.exitCode = runCli(process.argv.slice(2), processContext());
