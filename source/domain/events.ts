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

/**
 * The META group among `names` that already covers `event`, if any. The server expands groups on
 * its side, so a member listed next to its group is redundant.
 */
export function coveringGroup(
  event: string,
  names: readonly string[],
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): string | undefined {
  if (Object.hasOwn(catalogue.metaEvents, event)) return undefined;
  return names.find((name) => catalogue.metaEvents[name]?.includes(event));
}

/**
 * The event names to store: the given order, without duplicates and without the plain events that
 * a META group among them already covers (a preset's DEPLOYMENT_FAIL next to
 * META_DEPLOYMENT_RESULT is saved as the group alone).
 */
export function foldEvents(
  names: readonly string[],
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): string[] {
  return [...new Set(names)].filter((name) => coveringGroup(name, names, catalogue) === undefined);
}

/** One line on what each event of the catalogue means, as the wizard shows it under the cursor. */
export const EVENT_DESCRIPTIONS: Readonly<Record<EventType | MetaEvent, string>> = {
  ACCOUNT_CREATION: 'A user account was created.',
  ACCOUNT_DELETION: 'A user account was deleted.',
  ACCOUNT_EDITION: 'A user account was changed (name, e-mail, settings).',
  ADDON_CREATION: 'An add-on (database, storage…) was created.',
  ADDON_DELETION: 'An add-on was deleted.',
  APPLICATION_CREATION: 'An application was created.',
  APPLICATION_DELETION: 'An application was deleted.',
  APPLICATION_EDITION: 'An application was changed (settings, environment, domains).',
  APPLICATION_REDEPLOY: 'An application was asked to redeploy.',
  APPLICATION_STOP: 'An application was stopped.',
  DEPLOYMENT_ACTION_BEGIN: 'A deployment started.',
  DEPLOYMENT_ACTION_END: 'A deployment ended, whatever its result.',
  DEPLOYMENT_FAIL: 'A deployment failed.',
  DEPLOYMENT_SUCCESS: 'A deployment succeeded.',
  GIT_PUSH: 'Code was pushed to the git remote of an application.',
  ORGANISATION_CREATION: 'An organisation was created.',
  ORGANISATION_DELETION: 'An organisation was deleted.',
  ORGANISATION_EDITION: 'An organisation was changed.',
  ORGANISATION_USER_ADDITION: 'A member was added to an organisation.',
  CLEVER_TOOLS_REQUEST: 'A request was made with clever-tools.',
  CREDITS_ADDED: 'Credits were added to the account.',
  META_SERVICE_LIFECYCLE: 'Group: an application starts, stops, or a deployment ends.',
  META_DEPLOYMENT_RESULT: 'Group: each deployment that succeeds or fails.',
  META_SERVICE_MANAGEMENT: 'Group: apps and add-ons created, changed or deleted.',
  META_CREDITS: 'Group: credits added.',
};

/** What an event name means, for a name of the catalogue; a group the API adds is described by its members. */
export function describeEvent(name: string, catalogue: EventCatalogue = BUILTIN_CATALOGUE): string {
  if (Object.hasOwn(EVENT_DESCRIPTIONS, name)) return EVENT_DESCRIPTIONS[name as EventType | MetaEvent];
  if (Object.hasOwn(catalogue.metaEvents, name)) return 'Group of events, expanded by the server.';
  return 'An event this tool does not describe yet; the API lists it.';
}
