// `r` on a delivery: asks the sandbox to send that event to that URL again. Answers the line to show.
import type { CleverApi } from '../../api/types.js';

export async function redeliver(
  api: CleverApi,
  _credentials: { apiHost: string; authorization: () => string } | undefined,
  _deliveryId: string,
): Promise<string> {
  if (api.target.kind !== 'sandbox')
    return 'Redelivery is a sandbox feature: Clever Cloud keeps no delivery log.';
  return 'Redelivery needs the sandbox extension client, which this build does not have yet.';
}
