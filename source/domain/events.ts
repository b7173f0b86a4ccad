// The event catalogue of the contract: 21 events in the order users see them, grouped in six
// categories, and the four META groups that the server stores as given and expands.

export const EVENT_CATEGORIES = [
  { id: 'account', label: 'Account', events: ['ACCOUNT_CREATION', 'ACCOUNT_DELETION', 'ACCOUNT_EDITION'] },
  { id: 'addons', label: 'Add-ons', events: ['ADDON_CREATION', 'ADDON_DELETION'] },
  {
    id: 'applications',
    label: 'Applications',
    events: [
      'APPLICATION_CREATION',
      'APPLICATION_DELETION',
      'APPLICATION_EDITION',
      'APPLICATION_REDEPLOY',
      'APPLICATION_STOP',
    ],
  },
  {
    id: 'deployments',
    label: 'Deployments',
    events: [
      'DEPLOYMENT_ACTION_BEGIN',
      'DEPLOYMENT_ACTION_END',
      'DEPLOYMENT_FAIL',
      'DEPLOYMENT_SUCCESS',
      'GIT_PUSH',
    ],
  },
  {
    id: 'organisations',
    label: 'Organisations',
    events: [
      'ORGANISATION_CREATION',
      'ORGANISATION_DELETION',
      'ORGANISATION_EDITION',
      'ORGANISATION_USER_ADDITION',
    ],
  },
  { id: 'other', label: 'Tools and credits', events: ['CLEVER_TOOLS_REQUEST', 'CREDITS_ADDED'] },
] as const;

export type EventCategory = (typeof EVENT_CATEGORIES)[number];
export type EventType = EventCategory['events'][number];

export const EVENT_TYPES: readonly EventType[] = EVENT_CATEGORIES.flatMap((c) => c.events);

export const META_EVENTS = {
  META_SERVICE_LIFECYCLE: [
    'APPLICATION_STOP',
    'DEPLOYMENT_ACTION_BEGIN',
    'DEPLOYMENT_FAIL',
    'DEPLOYMENT_SUCCESS',
  ],
  META_DEPLOYMENT_RESULT: ['DEPLOYMENT_FAIL', 'DEPLOYMENT_SUCCESS'],
  META_SERVICE_MANAGEMENT: [
    'ADDON_CREATION',
    'ADDON_DELETION',
    'APPLICATION_CREATION',
    'APPLICATION_EDITION',
    'APPLICATION_DELETION',
  ],
  META_CREDITS: ['CREDITS_ADDED'],
} as const satisfies Record<string, readonly EventType[]>;

export type MetaEvent = keyof typeof META_EVENTS;
export const META_EVENT_NAMES = Object.keys(META_EVENTS) as MetaEvent[];

/** The catalogue as one client sees it: plain events and META expansions (the API's or the built-in). */
export interface EventCatalogue {
  events: readonly string[];
  metaEvents: Readonly<Record<string, readonly string[]>>;
}

export const BUILTIN_CATALOGUE: EventCatalogue = { events: EVENT_TYPES, metaEvents: META_EVENTS };

export function isEventType(name: string): name is EventType {
  return (EVENT_TYPES as readonly string[]).includes(name);
}

export function isMetaEvent(name: string): name is MetaEvent {
  return Object.hasOwn(META_EVENTS, name);
}

/** A name a hook may hold in `events`: a plain event or a META group. */
export function isKnownEventName(name: string, catalogue: EventCatalogue = BUILTIN_CATALOGUE): boolean {
  return catalogue.events.includes(name) || Object.hasOwn(catalogue.metaEvents, name);
}

/** The plain events that a list of event names covers, META groups expanded, without duplicates. */
export function expandEvents(
  names: readonly string[],
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const group = catalogue.metaEvents[name];
    if (group) for (const event of group) out.add(event);
    else out.add(name);
  }
  return [...out];
}

export function categoryOf(event: string): EventCategory | undefined {
  return EVENT_CATEGORIES.find((c) => (c.events as readonly string[]).includes(event));
}
