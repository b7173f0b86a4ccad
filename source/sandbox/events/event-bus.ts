// The one place the sandbox's events are emitted. The event socket and the webhook dispatcher listen
// here; the triggers of the extension API and the simulated activity publish here.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../domain/schemas.js';

export interface SandboxEvent {
  /** Links an event to its deliveries; not part of the socket frame. */
  id: string;
  ownerId: string;
  /** The app or add-on the event is about, if any (what webhook scopes select). */
  resourceId?: string;
  /** Exactly what the event socket sends, `data` a JSON string. */
  envelope: EventEnvelope;
}

export type EventListener = (event: SandboxEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers the event to every listener now; a listener that throws does not stop the others. */
  emit(event: SandboxEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

export interface EventSubject {
  ownerId: string;
  appId?: string;
  addonId?: string;
}

/**
 * An event about an owner, or one of its apps or add-ons, in the shape the event socket sends: `data`
 * holds `id` (the app, add-on or owner), `ownerId`, `appId` for apps, plus `extra`.
 */
export function buildEvent(
  type: string,
  subject: EventSubject,
  extra: Record<string, unknown> = {},
  date: number = Date.now(),
): SandboxEvent {
  const resourceId = subject.appId ?? subject.addonId;
  const data = {
    id: resourceId ?? subject.ownerId,
    ownerId: subject.ownerId,
    ...(subject.appId ? { appId: subject.appId } : {}),
    ...(subject.addonId ? { addonId: subject.addonId } : {}),
    ...extra,
  };
  return {
    id: randomUUID(),
    ownerId: subject.ownerId,
    ...(resourceId ? { resourceId } : {}),
    envelope: { event: type, date, data: JSON.stringify(data) },
  };
}
