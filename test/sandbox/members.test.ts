// GET /v2/organisations/{orgId}/members over real HTTP: the seeded members, the contract's auth, a 404
// for an unknown owner and for a personal space, and a world saved before members existed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OrganisationMember } from '../../source/domain/schemas.js';
import { startSandbox } from '../../source/sandbox/start.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const USER_ID = /^user_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

describe('the members of an organisation', () => {
  test('each seeded organisation lists the user and colleagues, in the shape of the real API', async () => {
    const ids = seedIds(sandbox);
    for (const org of [ids.acme, ids.labs]) {
      const res = await sandboxFetch(sandbox, `/v2/organisations/${org.id}/members`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as unknown[];
      const members = body.map((m) => OrganisationMember.parse(m));
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(members[0]).toEqual({
        member: {
          id: ids.user.id,
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          avatar: null,
          preferredMFA: 'TOTP',
        },
        role: org.role,
        job: org === ids.acme ? 'CTO' : null,
      });
      for (const { member, role } of members) {
        expect(member.id).toMatch(USER_ID);
        expect(['ADMIN', 'MANAGER', 'DEVELOPER', 'ACCOUNTING']).toContain(role);
        if (member.id !== ids.user.id) expect(member.email).toMatch(/\.example$/);
      }
      expect(new Set(members.map((m) => m.member.id)).size).toBe(members.length);
    }
    const acme = (await (
      await sandboxFetch(sandbox, `/v2/organisations/${ids.acme.id}/members`)
    ).json()) as OrganisationMember[];
    expect(acme.some((m) => m.member.name === null)).toBe(true);
  });

  test('asks for credentials like every route', async () => {
    const { acme } = seedIds(sandbox);
    const res = await sandboxFetch(sandbox, `/v2/organisations/${acme.id}/members`, { auth: false });
    expect(res.status).toBe(401);
  });

  test('an unknown owner and a personal space answer a 404 that says why', async () => {
    const unknown = 'orga_00000000-0000-4000-8000-000000000000';
    const missing = await sandboxFetch(sandbox, `/v2/organisations/${unknown}/members`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ id: 404, message: `owner ${unknown} not found`, type: 'error' });

    const { user } = seedIds(sandbox);
    const personal = await sandboxFetch(sandbox, `/v2/organisations/${user.id}/members`);
    expect(personal.status).toBe(404);
    expect(((await personal.json()) as { message: string }).message).toBe(
      `${user.id} is a personal space: only organisations have members`,
    );
  });
});

test('a world saved before members existed loads, with no members', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-members-'));
  try {
    const first = await startSandbox({ dataDir, port: 0 });
    const [acme] = first.store.organisations();
    await first.close();
    const snapshotPath = path.join(dataDir, 'world.snapshot.json');
    const snapshot = JSON.parse(await readFile(snapshotPath, 'utf8')) as { state: Record<string, unknown> };
    expect(snapshot.state.members).toBeDefined();
    delete snapshot.state.members;
    await writeFile(snapshotPath, JSON.stringify(snapshot));

    const second = await startSandbox({ dataDir, port: 0 });
    try {
      expect(second.seeded).toBe(false);
      const res = await sandboxFetch(second, `/v2/organisations/${acme!.id}/members`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([]);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
