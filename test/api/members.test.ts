// The client's members(orgId) against a live sandbox, and against answers with the optional fields
// missing or null as the real API may send them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { ApiError } from '../../source/api/errors.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { type FaultServer, json, startFaultServer } from './fault-server.js';

let sandbox: TestSandbox;
let api: HttpCleverApi;
let server: FaultServer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const credentials = await resolveCredentials(sandbox.env);
  if (!credentials) throw new Error('the test sandbox gave no credentials');
  api = new HttpCleverApi(credentials, { kind: 'sandbox', retries: 0 });
  server = await startFaultServer();
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
  await server?.close();
});

describe('members against the sandbox', () => {
  it('lists the members of an organisation, parsed', async () => {
    const { acme, user } = seedIds(sandbox);
    const members = await api.members(acme.id);
    expect(members[0]).toEqual({
      member: { id: user.id, name: user.name, email: user.email, avatar: null, preferredMFA: 'TOTP' },
      role: 'ADMIN',
      job: 'CTO',
    });
    expect(members.map((m) => m.member.email)).toContain('margaret@acme.example');
    expect(members.find((m) => m.member.email === 'ci-bot@acme.example')?.member.name).toBeNull();
  });

  it('gives none for a personal space', async () => {
    expect(await api.members(seedIds(sandbox).user.id)).toEqual([]);
  });

  it('reports an unknown organisation', async () => {
    const unknown = 'orga_00000000-0000-4000-8000-000000000000';
    const error = await api.members(unknown).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as Error).message).toContain(`owner ${unknown} not found`);
  });
});

describe('members as the real API may answer', () => {
  it('takes missing and null optional fields, and unknown roles', async () => {
    const client = new HttpCleverApi(
      { kind: 'oauth', source: 'test', apiHost: server.url, authorization: () => 'OAuth x' },
      { retries: 0 },
    );
    try {
      server.script(
        json(200, [
          { member: { id: 'user_1', email: 'a@example.com' }, role: 'ADMIN' },
          {
            member: { id: 'user_2', name: null, email: 'b@example.com', avatar: null, preferredMFA: null },
            role: 'AUDITOR',
            job: null,
            since: 1735689600000,
          },
        ]),
      );
      const members = await client.members('orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c');
      expect(server.seen[0]?.url).toBe('/v2/organisations/orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c/members');
      expect(members).toEqual([
        { member: { id: 'user_1', email: 'a@example.com' }, role: 'ADMIN' },
        {
          member: { id: 'user_2', name: null, email: 'b@example.com', avatar: null, preferredMFA: null },
          role: 'AUDITOR',
          job: null,
        },
      ]);

      server.script(json(200, [{ member: { name: 'no id' }, role: 'ADMIN' }]));
      await expect(client.members('orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c')).rejects.toThrow(/id/);
    } finally {
      await client.close();
    }
  });
});
