/**
 * An error whose message is written for the user: the CLI prints it as one line on stderr, without a
 * stack, and exits with `exitCode`. Anything else that escapes is a bug and is printed in full.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
