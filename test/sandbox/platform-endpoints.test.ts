import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { transformAddon } from '@clevercloud/client/cc-api-commands/addon/addon-transform.js';
import { transformApplication } from '@clevercloud/client/cc-api-commands/application/application-transform.js';
import { transformDeploymentLegacy } from '@clevercloud/client/cc-api-commands/deployment/deployment-transform.js';
import { transformOrganisation } from '@clevercloud/client/cc-api-commands/organisation/organisation-transform.js';
import { transformProfile } from '@clevercloud/client/cc-api-commands/profile/profile-transform.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runClever } from '../support/clever-cli.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());

async function get<T = Record<string, unknown>>(pathname: string): Promise<{ status: number; body: T }> {
  const res = await sandboxFetch(sandbox, pathname);
  return { status: res.status, body: (await res.json()) as T };
}

describe('paths', () => {
  test('GET /v2/self/applications/{id} finds an app of the personal space and of an organisation', async () => {
    const personal = await get(`/v2/self/applications/${ids.apps.blog.id}`);
    expect(personal.status).toBe(200);
    expect(personal.body).toMatchObject({ id: ids.apps.blog.id, ownerId: ids.user.id });
    const ofOrganisation = await get(`/v2/self/applications/${ids.apps.shopFront.id}`);
    expect(ofOrganisation.body).toMatchObject({ id: ids.apps.shopFront.id, ownerId: ids.acme.id });
    const unknown = await get('/v2/self/applications/app_00000000-0000-4000-8000-000000000000');
    expect(unknown).toMatchObject({ status: 404, body: { id: 404, type: 'error' } });
  });

  test('the other /v2/self forms are the personal space', async () => {
    const apps = await get<{ id: string }[]>('/v2/self/applications');
    expect(apps.body.map((a) => a.id)).toEqual(sandbox.store.applications(ids.user.id).map((a) => a.id));
    const addons = await get<{ id: string }[]>('/v2/self/addons');
    expect(addons.body.map((a) => a.id)).toEqual([ids.addons.blogDb.id]);
    const deployments = await get<unknown[]>(`/v2/self/applications/${ids.apps.blog.id}/deployments?limit=1`);
    expect(deployments.body).toHaveLength(1);
    // Only the single app falls back to the organisations, as the official client's comment says.
    expect((await get(`/v2/self/applications/${ids.apps.shopFront.id}/deployments`)).status).toBe(404);
  });

  test('GET /v2/self/tokens/current describes the token the request is signed with', async () => {
    const { status, body } = await get('/v2/self/tokens/current');
    expect(status).toBe(200);
    expect(body).toMatchObject({ expirationDate: null, rights: { almighty: true } });
  });

  test('GET /v2/organisations/{id}: an organisation, the personal space, 404 for another', async () => {
    expect((await get(`/v2/organisations/${ids.acme.id}`)).body).toMatchObject({
      id: ids.acme.id,
      name: 'Acme Shop',
    });
    expect((await get(`/v2/organisations/${ids.user.id}`)).body).toMatchObject({
      id: ids.user.id,
      name: ids.user.name,
    });
    expect((await get('/v2/organisations/orga_00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  test('one app, one deployment (by uuid or integer id), an add-on, an organisation’s deployments', async () => {
    const base = `/v2/organisations/${ids.acme.id}/applications/${ids.apps.shopFront.id}`;
    expect((await get(base)).body).toMatchObject({ id: ids.apps.shopFront.id, name: 'shop-front' });
    expect((await get(`/v2/organisations/${ids.labs.id}/applications/${ids.apps.shopFront.id}`)).status).toBe(
      404,
    );
    const list = (await get<{ id: number; uuid: string }[]>(`${base}/deployments`)).body;
    expect(list.map((d) => d.id)).toEqual(list.map((_, i) => list.length - i));
    const newest = list[0]!;
    expect((await get(`${base}/deployments/${newest.uuid}`)).body).toEqual(newest);
    expect((await get(`${base}/deployments/${newest.id}`)).body).toEqual(newest);
    expect((await get(`${base}/deployments/nope`)).status).toBe(404);
    expect((await get(`/v2/organisations/${ids.acme.id}/addons/${ids.addons.shopDb.id}`)).body).toMatchObject(
      {
        id: ids.addons.shopDb.id,
      },
    );
    const byApp = (await get<Record<string, unknown[]>>(`/v2/organisations/${ids.acme.id}/deployments`)).body;
    expect(Object.keys(byApp).sort()).toEqual(
      sandbox.store
        .applications(ids.acme.id)
        .map((a) => a.id)
        .sort(),
    );
    expect(byApp[ids.apps.shopFront.id]).toEqual(list);
  });
});

describe("@clevercloud/client's transforms take the sandbox's answers", () => {
  test('every app, add-on, deployment, organisation and the profile', async () => {
    for (const owner of sandbox.store.owners()) {
      const apps = (await get<{ id: string }[]>(`/v2/organisations/${owner.id}/applications`)).body;
      for (const app of apps) {
        const transformed = transformApplication(app);
        expect(transformed.instance.flavors.length).toBeGreaterThan(0);
        expect(transformed.instance.minFlavor.priceId).toMatch(/^apps\./);
        expect(transformed.deployment.repoState).toBe('CREATED');
        const deployments = (
          await get<{ id: string }[]>(`/v2/organisations/${owner.id}/applications/${app.id}/deployments`)
        ).body;
        for (const d of deployments) expect(transformDeploymentLegacy(d, app.id).state).toBeTruthy();
      }
      for (const addon of (await get<{ id: string }[]>(`/v2/organisations/${owner.id}/addons`)).body) {
        expect(Array.isArray(transformAddon(addon).configKeys)).toBe(true);
      }
    }
    for (const organisation of (await get<{ id: string }[]>('/v2/organisations')).body) {
      expect(transformOrganisation(organisation).id).toBe(organisation.id);
    }
    expect(transformProfile((await get('/v2/self')).body).preferredMFA).toBe('TOTP');
  });

  test('an app saved by an older sandbox, without those fields, gets them when answered', async () => {
    const app = sandbox.store.application(ids.apps.mlGateway.id)!;
    const { flavors: _f, defaultEnv: _d, ...instance } = app.instance as Record<string, unknown>;
    const { repoState: _r, ...deployment } = app.deployment as Record<string, unknown>;
    const { env: _e, branches: _b, ...rest } = app;
    await sandbox.store.putApplication({ ...rest, instance: instance as never, deployment });
    const answer = (await get(`/v2/self/applications/${app.id}`)).body;
    expect(() => transformApplication(answer)).not.toThrow();
  });
});

describe('the official clever CLI', () => {
  function clever(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return runClever(args, { env: sandbox.env, home: path.join(sandbox.dataDir, 'home'), cwd });
  }

  test('`clever link app_…` of an organisation app and `clever profile` work', async () => {
    const repo = path.join(sandbox.dataDir, 'repo');
    await mkdir(repo, { recursive: true });
    const [link, profile] = await Promise.all([
      clever(['link', ids.apps.shopApi.id], repo),
      clever(['profile', '-F', 'json'], repo),
    ]);
    expect(link.code, link.stdout + link.stderr).toBe(0);
    const linked = JSON.parse(await readFile(path.join(repo, '.clever.json'), 'utf8'));
    expect(linked.apps).toEqual([
      expect.objectContaining({ app_id: ids.apps.shopApi.id, org_id: ids.acme.id, name: 'shop-api' }),
    ]);
    expect(profile.code, profile.stdout + profile.stderr).toBe(0);
    expect(JSON.parse(profile.stdout)).toMatchObject({
      id: ids.user.id,
      name: ids.user.name,
      email: ids.user.email,
      isTokenValid: true,
    });
    // Each `clever` start takes seconds on a busy machine.
  }, 150_000);
});
