declare const __VERSION__: string;

/** Replaced at build time by esbuild and by the test runner's config. */
export const VERSION: string = __VERSION__;
export const USER_AGENT = `clever-notify/${VERSION}`;
