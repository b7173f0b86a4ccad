// The shell lines that point a client (clever-notify or the official `clever`) at a sandbox. Printed
// on start and kept in DATA/env, so that `eval "$(cat DATA/env)"` works in any later shell.
export interface SandboxEnv {
  url: string;
  token: string;
  secret: string;
  /** The CA to trust when the sandbox speaks TLS. */
  caPath?: string;
}

export function sandboxEnvVars(env: SandboxEnv): Record<string, string> {
  return {
    API_HOST: env.url,
    CLEVER_TOKEN: env.token,
    CLEVER_SECRET: env.secret,
    ...(env.caPath ? { NODE_EXTRA_CA_CERTS: env.caPath } : {}),
  };
}

export function sandboxEnvLines(env: SandboxEnv): string {
  return Object.entries(sandboxEnvVars(env))
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join('');
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
