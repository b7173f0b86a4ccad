// Types of scripts/bundle-function.mjs, which test/startup/code-cache.test.ts builds bundles with.
export declare const LOAD_ES: string;
export declare const bundleFunction: { banner: string; footer: string };
