// How a command line that failed says so: the entry's TUI path (cli.tsx) and the parser's
// (program.ts) alike.
import { UserError } from '../domain/errors.js';
import { safeText } from '../domain/terminal-text.js';

/** Says why a command failed, as every command does, and sets the exit code. */
export function reportFailure(error: unknown): void {
  if (error instanceof UserError) {
    // A message may list several problems, one per line (a notifications file).
    process.stderr.write(`clever-notify: ${safeText(error.message, { keepNewlines: true })}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(
      `clever-notify: unexpected error\n${safeText(error instanceof Error ? String(error.stack) : String(error), { keepNewlines: true })}\n`,
    );
    process.exitCode = 70;
  }
}
