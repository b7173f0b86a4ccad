// The defaults clever-tools 4.11 ships in src/config/config.js. The consumer pair is public: tokens
// made by `clever login` only work with it, so the client and the sandbox both need it.
export const CLEVER_DEFAULTS = {
  API_HOST: 'https://api.clever-cloud.com',
  AUTH_BRIDGE_HOST: 'https://api-bridge.clever-cloud.com',
  OAUTH_CONSUMER_KEY: 'T5nFjKeHH4AIlEveuGhB5S3xg8T19e',
  OAUTH_CONSUMER_SECRET: 'MgVMqTr6fWlf2M0tkC2MXOnhfqBWDT',
} as const;
