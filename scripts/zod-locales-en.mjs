// What the bundle keeps of `z.locales`: English, the only language clever-notify speaks (see
// scripts/build.mjs). zod sets English as its default itself; this is only the namespace.
export { default as en } from 'zod/v4/locales/en.js';
