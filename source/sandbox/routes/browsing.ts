// The Browsing table of the contract: the user, the summary, organisations, apps, add-ons and
// deployments; and the members of an organisation (not in the contract's table, but in the real API).
import { HttpError, sendJson } from '../http/respond.js';
import type { RouteContext, Router } from '../http/router.js';
import type { SandboxStore } from '../store/store.js';
import type { StoredAddon, StoredApp } from '../store/world.js';

export function addBrowsingRoutes(router: Router, store: SandboxStore): void {
  const ownerOf = ({ params }: RouteContext): string => {
    const ownerId = params.ownerId!;
    if (!store.owner(ownerId)) throw new HttpError(404, `owner ${ownerId} not found`);
    return ownerId;
  };

  router.get('/v2/self', ({ res }) => {
    const user = store.self();
    sendJson(res, 200, {
      ...user,
      avatar: null,
      lang: 'EN',
      emailValidated: true,
      admin: false,
      canPay: true,
      hasPassword: true,
    });
  });

  router.get('/v2/summary', ({ res }) => {
    const user = store.self();
    const lists = (ownerId: string) => ({
      applications: store.applications(ownerId).map(summaryApp),
      addons: store.addons(ownerId).map(summaryAddon),
      consumers: [],
      providers: [],
    });
    sendJson(res, 200, {
      user: { id: user.id, name: user.name, avatar: null, ...lists(user.id) },
      organisations: store.organisations().map((o) => ({
        id: o.id,
        name: o.name,
        avatar: null,
        role: o.role,
        ...lists(o.id),
      })),
    });
  });

  router.get('/v2/organisations', ({ res }) => {
    sendJson(
      res,
      200,
      store.organisations().map(({ role: _role, ...organisation }) => organisation),
    );
  });

  // The real API lists members of organisations only; a personal space answers a 404 that says so
  // rather than a made-up list of one.
  router.get('/v2/organisations/:ownerId/members', (context) => {
    const ownerId = ownerOf(context);
    if (store.owner(ownerId)?.kind === 'user') {
      throw new HttpError(404, `${ownerId} is a personal space: only organisations have members`);
    }
    sendJson(context.res, 200, store.members(ownerId));
  });

  router.get('/v2/organisations/:ownerId/applications', (context) => {
    sendJson(context.res, 200, store.applications(ownerOf(context)));
  });

  router.get('/v2/organisations/:ownerId/addons', (context) => {
    sendJson(context.res, 200, store.addons(ownerOf(context)).map(publicAddon));
  });

  router.get('/v2/organisations/:ownerId/applications/:appId/deployments', (context) => {
    const ownerId = ownerOf(context);
    const appId = context.params.appId!;
    if (store.application(appId)?.ownerId !== ownerId) {
      throw new HttpError(404, `application ${appId} not found for owner ${ownerId}`);
    }
    const limit = pageParam(context.query, 'limit');
    const offset = pageParam(context.query, 'offset');
    sendJson(context.res, 200, store.deployments(appId, { limit, offset }));
  });
}

function pageParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new HttpError(400, `${name}: expected a non-negative integer, got "${raw}"`);
  }
  return value;
}

function summaryApp(app: StoredApp) {
  return {
    id: app.id,
    name: app.name,
    variantSlug: app.instance.variant.slug,
    state: app.state,
    commit: app.commitId ?? null,
  };
}

function summaryAddon(addon: StoredAddon) {
  return { id: addon.id, name: addon.name, realId: addon.realId, providerId: addon.provider.id };
}

function publicAddon({ ownerId: _ownerId, ...addon }: StoredAddon) {
  return addon;
}
