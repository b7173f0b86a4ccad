import { describe, expect, it } from 'vitest';
import { eventSummary, formatPayload, sampleEvent } from '../../source/domain/payloads.js';
import { eventData } from '../../source/domain/schemas.js';

const owner = 'user_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const app = 'app_2d8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';

describe('payloads', () => {
  it('sampleEvent is a DEPLOYMENT_SUCCESS whose data is a JSON string about the app', () => {
    const event = sampleEvent(owner, app, 1_735_689_600_000);
    expect(event.event).toBe('DEPLOYMENT_SUCCESS');
    expect(typeof event.data).toBe('string');
    expect(eventData(event)).toMatchObject({
      id: app,
      appId: app,
      ownerId: owner,
      state: 'OK',
      cause: 'Git',
    });
  });

  it('raw is the socket frame exactly', () => {
    const event = sampleEvent(owner, app, 1);
    expect(formatPayload('raw', event, {})).toEqual({ event: event.event, date: 1, data: event.data });
  });

  it('slack has text and a coloured attachment with app, event, commit, state and link', () => {
    const body = formatPayload('slack', sampleEvent(owner, app, 1000), {
      appName: 'shop',
      consoleUrl: 'https://console.example/app',
    }) as { text: string; attachments: Array<Record<string, unknown>> };
    expect(body.text).toBe('shop: deployment succeeded (OK, commit 4b825dc)');
    const [attachment] = body.attachments;
    expect(attachment).toMatchObject({ color: 'good', title_link: 'https://console.example/app', ts: 1 });
    const titles = (attachment!.fields as Array<{ title: string }>).map((f) => f.title);
    expect(titles).toEqual(['App', 'Event', 'Commit', 'Deployment', 'Owner']);
  });

  it('a failure is danger in slack and error in gitter', () => {
    const event = { event: 'DEPLOYMENT_FAIL', date: 0, data: JSON.stringify({ id: app, state: 'FAIL' }) };
    const slack = formatPayload('slack', event, {}) as { attachments: Array<{ color: string }> };
    expect(slack.attachments[0]!.color).toBe('danger');
    expect(formatPayload('gitter', event, {})).toMatchObject({ level: 'error' });
    expect(formatPayload('flowdock', event, {})).toMatchObject({
      event: 'activity',
      thread: { status: { color: 'red', value: 'FAIL' } },
    });
  });

  it('owner events read without an app', () => {
    const event = { event: 'CREDITS_ADDED', date: 0, data: JSON.stringify({ id: owner, ownerId: owner }) };
    expect(eventSummary(event, { ownerName: 'Acme' })).toBe('Acme: credits added');
  });
});
