// A yes/no question on the terminal. Without a terminal there is nobody to answer: refuse, and say
// which flag skips the question.
import { UserError } from '../domain/errors.js';

export interface ConfirmOptions {
  yes?: boolean;
  /** What needs the confirmation, for the refusal without a terminal, e.g. "sending a test event". */
  action?: string;
  input?: NodeJS.ReadStream;
  output?: NodeJS.WriteStream;
}

export async function confirm(question: string, options: ConfirmOptions = {}): Promise<boolean> {
  if (options.yes) return true;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  if (!input.isTTY) {
    throw new UserError(
      `${options.action ?? 'this'} needs a confirmation, and there is no terminal to ask: add --yes`,
    );
  }
  // Loaded when a question is asked: most commands never ask one.
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input, output });
  try {
    const answer = await rl.question(`${question} [y/N] `).catch((error: unknown) => {
      // Ctrl+C at the prompt is a "no", with a fresh line for the shell.
      if ((error as { name?: string }).name === 'AbortError') {
        output.write('\n');
        return 'n';
      }
      throw error;
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
