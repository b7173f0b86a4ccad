// The commands and the subsystems they load (the TUI, the sandbox, the live feed) are two bundles,
// each with its own copy of this module (scripts/build.mjs): a UserError made by one is caught by the
// other (the TUI's or the sandbox's errors by the command line), so `instanceof UserError` reads a
// mark that both copies share rather than the class.
const USER_ERROR = Symbol.for('clever-notify.UserError');

/**
 * An error whose message is written for the user: the CLI prints it as one line on stderr, without a
 * stack, and exits with `exitCode`. Anything else that escapes is a bug and is printed in full.
 */
export class UserError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass (ApiError…) inherits this method and is checked as usual.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class asked about, maybe a subclass
    if (this !== UserError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && USER_ERROR in value;
  }

  override name = 'UserError';
  readonly [USER_ERROR] = true;
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
