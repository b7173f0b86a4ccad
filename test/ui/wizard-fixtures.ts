// What the wizard reducer tests share: a world, a webhook with two URLs, and a way to send keys.
import { BUILTIN_CATALOGUE } from '../../source/domain/events.js';
import type { Webhook } from '../../source/domain/schemas.js';
import { wizardReducer } from '../../source/ui/wizard/use-wizard-state.js';
import type { WizardAction, WizardContext, WizardState } from '../../source/ui/wizard/wizard-state.js';

export const context: WizardContext = {
  kind: 'webhook',
  ownerId: 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c',
  ownerName: 'Acme',
  self: { id: 'user_1', name: 'Ada' },
  resources: [
    { id: 'app_a', name: 'front', kind: 'app' },
    { id: 'app_b', name: 'api', kind: 'app' },
    { id: 'addon_c', name: 'db', kind: 'addon' },
  ],
  catalogue: BUILTIN_CATALOGUE,
  offerPresets: true,
};

export function run(state: WizardState, ...actions: (WizardAction | string)[]): WizardState {
  // A string is typed, one key name per character, as the keyboard provider sends them.
  const keys = actions.flatMap((a): WizardAction[] =>
    typeof a === 'string' ? [...a].map((ch) => ({ type: 'key', name: ch === ' ' ? 'space' : ch })) : [a],
  );
  return keys.reduce<WizardState>((s, a) => wizardReducer(s, a), state);
}

export const multiUrlHook: Webhook = {
  id: 'h1',
  ownerId: context.ownerId,
  name: 'Old',
  urls: [
    { url: 'https://a.example/x', format: 'raw' },
    { url: 'https://b.example/y', format: 'slack' },
  ],
  events: ['DEPLOYMENT_FAIL'],
  scope: ['app_b'],
  createdAt: 0,
  failures: [],
  state: 'ENABLED',
};

export const next = { type: 'next' } as const;
export const back = { type: 'back' } as const;
export const down = { type: 'down' } as const;
export const toggle = { type: 'toggle' } as const;
