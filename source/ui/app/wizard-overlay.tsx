// The wizard over the whole screen, given a fixed world (owner, apps, catalogue) when it opens.
import { useState } from 'react';
import type { HookKind } from '../../domain/hooks.js';
import { safeText } from '../../domain/terminal-text.js';
import { useCatalogue, useHook, useSelectedApp, useSelectedOwner, useWho } from '../state/use-app.js';
import { Wizard } from '../wizard/wizard.js';
import type { WizardContext } from '../wizard/wizard-state.js';

export function WizardOverlay({
  kind,
  hookId,
  width,
  height,
}: {
  kind: HookKind;
  hookId?: string;
  width: number;
  height: number;
}) {
  const owner = useSelectedOwner();
  const app = useSelectedApp();
  const who = useWho();
  const catalogue = useCatalogue();
  const hook = useHook(kind, hookId ?? '');
  // The wizard's world is fixed while it is open: it is built once per opening (keyed by serial).
  // Names come from the API: made safe for the terminal once, here.
  const [context] = useState<WizardContext | undefined>(() => {
    if (!owner) return undefined;
    return {
      kind,
      ownerId: owner.id,
      ownerName: safeText(owner.name),
      ...(who ? { self: { id: who.userId, name: safeText(who.userName) } } : {}),
      resources: [
        ...owner.apps.map((a) => ({ id: a.id, name: safeText(a.name), kind: 'app' as const })),
        ...owner.addons.map((a) => ({ id: a.id, name: safeText(a.name), kind: 'addon' as const })),
      ],
      ...(app ? { selectedApp: { id: app.id, name: safeText(app.name), kind: 'app' as const } } : {}),
      catalogue,
      offerPresets: kind === 'webhook',
    };
  });
  const [editing] = useState(hookId ? hook : undefined);
  if (!context) return null;
  return <Wizard context={context} {...(editing ? { hook: editing } : {})} width={width} height={height} />;
}
