// `r` on a delivery: asks the sandbox to send that event to that URL again. Answers the line to show.
import { SandboxExtensionsClient } from '../../api/sandbox-extensions.js';
import type { CleverApi } from '../../api/types.js';

export async function redeliver(
  api: CleverApi,
  credentials: { apiHost: string; authorization: () => string; ca?: string | undefined } | undefined,
  deliveryId: string,
): Promise<string> {
  if ((await api.identify()).kind !== 'sandbox' || !credentials) {
    return 'Redelivery is a sandbox feature: Clever Cloud keeps no delivery log.';
  }
  const client = new SandboxExtensionsClient({
    apiHost: credentials.apiHost,
    authorization: credentials.authorization,
    ...(credentials.ca ? { ca: credentials.ca } : {}),
  });
  try {
    const { eventId } = await client.redeliver(deliveryId);
    return `Redelivery queued (event ${eventId}): its attempts appear as they happen.`;
  } catch (error) {
    return `Could not redeliver: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.close();
  }
}
