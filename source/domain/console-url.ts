// The Clever Cloud Console's page of an owner or one of its apps (pure). The Console is a web page for
// people, not the API: the client in source/api never serves it.
const CONSOLE = 'https://console.clever-cloud.com';

export function consoleUrl(owner: { id: string; kind: 'user' | 'organisation' }, appId?: string): string {
  const base =
    owner.kind === 'user'
      ? `${CONSOLE}/users/me`
      : `${CONSOLE}/organisations/${encodeURIComponent(owner.id)}`;
  return appId ? `${base}/applications/${encodeURIComponent(appId)}` : base;
}
