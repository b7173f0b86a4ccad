// The undici files that undici-core.ts loads directly; typed there from undici's own declarations.
declare module 'undici/lib/dispatcher/agent.js' {
  const value: unknown;
  export default value;
}
declare module 'undici/lib/api/api-request.js' {
  const value: unknown;
  export default value;
}
declare module 'undici/lib/core/errors.js' {
  const value: unknown;
  export default value;
}
