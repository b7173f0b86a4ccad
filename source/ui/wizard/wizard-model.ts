// What the wizard offers: presets, formats, the event choices (META groups first) and the scope
// choices. Pure data built from the catalogue and the owner's apps.

import { EVENT_CATEGORIES, type EventCatalogue } from '../../domain/events.js';
import { DEAD_FORMATS, WEBHOOK_FORMATS, type WebhookFormat } from '../../domain/schemas.js';

export type HookKind = 'webhook' | 'email';

export interface Preset {
  id: string;
  label: string;
  description: string;
  format?: WebhookFormat;
  events?: string[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'slack-deployments',
    label: 'Deployment results to Slack',
    description: 'slack format, META_DEPLOYMENT_RESULT (each deployment that succeeds or fails)',
    format: 'slack',
    events: ['META_DEPLOYMENT_RESULT'],
  },
  {
    id: 'http-failures',
    label: 'Failures to an HTTP endpoint',
    description: 'raw JSON, DEPLOYMENT_FAIL (each failed deployment)',
    format: 'raw',
    events: ['DEPLOYMENT_FAIL'],
  },
  { id: 'scratch', label: 'Start from scratch', description: 'choose every field yourself' },
];

export interface FormatChoice {
  format: WebhookFormat;
  label: string;
  dead: boolean;
}

const FORMAT_NOTES: Record<WebhookFormat, string> = {
  raw: 'raw: the event as JSON, for your own endpoint',
  slack: 'slack: a message for Slack (and Discord at …/slack)',
  gitter: 'gitter: DEAD TARGET, Gitter moved to Matrix in 2023',
  flowdock: 'flowdock: DEAD TARGET, Flowdock shut down in 2022',
};

export const FORMAT_CHOICES: readonly FormatChoice[] = WEBHOOK_FORMATS.map((format) => ({
  format,
  label: FORMAT_NOTES[format],
  dead: DEAD_FORMATS.includes(format),
}));

export interface EventChoice {
  name: string;
  group: string;
  /** For META groups: what they expand to. */
  expansion?: readonly string[];
}

export const ALL_EVENTS = '*';

/** "all events", then META groups, then the plain events by category. */
export function eventChoices(catalogue: EventCatalogue): EventChoice[] {
  const choices: EventChoice[] = [{ name: ALL_EVENTS, group: 'Everything' }];
  for (const [name, expansion] of Object.entries(catalogue.metaEvents)) {
    choices.push({ name, group: 'Groups (the server expands them)', expansion });
  }
  const seen = new Set<string>();
  for (const category of EVENT_CATEGORIES) {
    for (const event of category.events) {
      if (!catalogue.events.includes(event)) continue;
      seen.add(event);
      choices.push({ name: event, group: category.label });
    }
  }
  for (const event of catalogue.events) {
    if (!seen.has(event)) choices.push({ name: event, group: 'Other' });
  }
  return choices;
}

export interface ScopeResource {
  id: string;
  name: string;
  kind: 'app' | 'addon';
}

export type ScopeChoice =
  | { kind: 'all'; label: string }
  | { kind: 'app'; label: string; id: string }
  | { kind: 'resource'; resource: ScopeResource };

export function scopeChoices(
  ownerName: string,
  resources: readonly ScopeResource[],
  selectedApp?: ScopeResource,
): ScopeChoice[] {
  const choices: ScopeChoice[] = [{ kind: 'all', label: `All apps and add-ons of ${ownerName}` }];
  if (selectedApp) choices.push({ kind: 'app', label: `Only ${selectedApp.name}`, id: selectedApp.id });
  for (const resource of resources) choices.push({ kind: 'resource', resource });
  return choices;
}

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** Why a webhook URL is refused, or undefined when it is fine. */
export function urlProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'Type the URL that will receive the events (https://…).';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a URL: it must start with https:// or http://.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Only http and https URLs can receive webhooks, not ${url.protocol.replace(':', '')}.`;
  }
  if (!url.hostname) return 'The URL has no host name.';
  return undefined;
}
