// The browsing paths of the contract (docs/contract.md, "Browsing"): the user and its current token,
// the summary, organisations (the personal space among them, as the real API lists it) and their
// members, apps, add-ons and deployments, each under `/v2/organisations/{ownerId}` and, for the
// personal space, under `/v2/self`, as the official client calls them. Apps and add-ons carry the
// fields that @clevercloud/client's transforms read (see ../store/seed.ts).
import { CLEVER_DEFAULTS } from '../../domain/clever-defaults.js';
import { decodeParam, parseOAuthHeader } from '../../domain/oauth.js';
import type { Deployment } from '../../domain/schemas.js';
import { HttpError, sendJson } from '../http/respond.js';
import type { RouteContext, Router } from '../http/router.js';
import { addonWithClientFields, appWithClientFields } from '../store/seed.js';
import type { SandboxStore } from '../store/store.js';
import type { StoredAddon, StoredApp, StoredOrganisation, StoredUser } from '../store/world.js';

/** Where an owner's paths start, and how the owner is found from the request. */
interface OwnerBase {
  prefix: string;
  ownerOf(context: RouteContext): string;
  /** `GET /v2/self/applications/{appId}` also finds the apps of the user's organisations. */
  anyOwnerForApp: boolean;
}

export function addBrowsingRoutes(router: Router, store: SandboxStore): void {
  const organisationOwner = ({ params }: RouteContext): string => {
    const ownerId = params.ownerId!;
    if (!store.owner(ownerId)) throw new HttpError(404, `owner ${ownerId} not found`);
    return ownerId;
  };
  const bases: OwnerBase[] = [
    { prefix: '/v2/organisations/:ownerId', ownerOf: organisationOwner, anyOwnerForApp: false },
    { prefix: '/v2/self', ownerOf: () => store.self().id, anyOwnerForApp: true },
  ];

  router.get('/v2/self', ({ res }) => {
    sendJson(res, 200, selfAnswer(store));
  });

  // The token the request is signed with. The sandbox's token never expires.
  router.get('/v2/self/tokens/current', ({ req, res }) => {
    const oauth = parseOAuthHeader(req.headers.authorization ?? '');
    const consumerKey = decodeParam(oauth?.oauth_consumer_key) ?? null;
    sendJson(res, 200, {
      token: decodeParam(oauth?.oauth_token) ?? null,
      consumer: {
        key: consumerKey,
        name: consumerKey === CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY ? 'Clever Tools' : consumerKey,
        rights: ALL_RIGHTS,
      },
      creationDate: null,
      expirationDate: null,
      lastUtilisation: Date.now(),
      rights: ALL_RIGHTS,
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

  // The personal space first, then the organisations: clients keep the `orga_` ids.
  router.get('/v2/organisations', ({ res }) => {
    sendJson(res, 200, [personalSpaceAnswer(store.self()), ...store.organisations().map(organisationAnswer)]);
  });

  router.get('/v2/organisations/:ownerId', (context) => {
    const ownerId = organisationOwner(context);
    const organisation = store.organisations().find((o) => o.id === ownerId);
    sendJson(
      context.res,
      200,
      organisation ? organisationAnswer(organisation) : personalSpaceAnswer(store.self()),
    );
  });

  // The real API lists members of organisations only; a personal space answers a 404 that says so
  // rather than a made-up list of one.
  router.get('/v2/organisations/:ownerId/members', (context) => {
    const ownerId = organisationOwner(context);
    if (store.owner(ownerId)?.kind === 'user') {
      throw new HttpError(404, `${ownerId} is a personal space: only organisations have members`);
    }
    sendJson(context.res, 200, store.members(ownerId));
  });

  // Every deployment of the owner's apps, by app id, newest first in each.
  router.get('/v2/organisations/:ownerId/deployments', (context) => {
    const ownerId = organisationOwner(context);
    sendJson(
      context.res,
      200,
      Object.fromEntries(store.applications(ownerId).map((app) => [app.id, deploymentsAnswer(store, app)])),
    );
  });

  for (const base of bases) {
    const appOf = (context: RouteContext, anyOwner = false): StoredApp => {
      const ownerId = base.ownerOf(context);
      const appId = context.params.appId!;
      const app = store.application(appId);
      if (!app || (app.ownerId !== ownerId && !anyOwner)) {
        throw new HttpError(404, `application ${appId} not found for owner ${ownerId}`);
      }
      return app;
    };

    router.get(`${base.prefix}/applications`, (context) => {
      sendJson(context.res, 200, store.applications(base.ownerOf(context)).map(appWithClientFields));
    });

    router.get(`${base.prefix}/applications/:appId`, (context) => {
      sendJson(context.res, 200, appWithClientFields(appOf(context, base.anyOwnerForApp)));
    });

    router.get(`${base.prefix}/applications/:appId/deployments`, (context) => {
      const app = appOf(context);
      const limit = pageParam(context.query, 'limit');
      const offset = pageParam(context.query, 'offset') ?? 0;
      const action = context.query.get('action');
      const all = deploymentsAnswer(store, app).filter((d) => !action || d.action === action);
      sendJson(context.res, 200, all.slice(offset, limit === undefined ? undefined : offset + limit));
    });

    // By uuid, or by the integer `id` the list gives each deployment.
    router.get(`${base.prefix}/applications/:appId/deployments/:deploymentId`, (context) => {
      const app = appOf(context);
      const wanted = context.params.deploymentId!;
      const deployment = deploymentsAnswer(store, app).find(
        (d) => d.uuid === wanted || String(d.id) === wanted,
      );
      if (!deployment) throw new HttpError(404, `deployment ${wanted} not found for application ${app.id}`);
      sendJson(context.res, 200, deployment);
    });

    router.get(`${base.prefix}/addons`, (context) => {
      sendJson(context.res, 200, store.addons(base.ownerOf(context)).map(addonAnswer));
    });

    router.get(`${base.prefix}/addons/:addonId`, (context) => {
      const ownerId = base.ownerOf(context);
      const addonId = context.params.addonId!;
      const addon = store.addon(addonId);
      if (!addon || addon.ownerId !== ownerId) {
        throw new HttpError(404, `add-on ${addonId} not found for owner ${ownerId}`);
      }
      sendJson(context.res, 200, addonAnswer(addon));
    });
  }
}

/** What an OAuth consumer of clever-tools may do: everything, as a `clever login` token. */
const ALL_RIGHTS = {
  almighty: true,
  access_organisations: true,
  access_organisations_bills: true,
  access_organisations_credit_count: true,
  access_organisations_consumption_statistics: true,
  access_personal_information: true,
  manage_organisations: true,
  manage_organisations_services: true,
  manage_organisations_applications: true,
  manage_organisations_members: true,
  manage_personal_information: true,
  manage_ssh_keys: true,
};

function selfAnswer(store: SandboxStore) {
  const user = store.self();
  const created = store
    .applications(user.id)
    .map((a) => Number(a.creationDate))
    .filter(Number.isFinite);
  return {
    ...user,
    avatar: null,
    lang: 'EN',
    emailValidated: true,
    admin: false,
    canPay: true,
    hasPassword: true,
    preferredMFA: 'TOTP',
    oauthApps: [],
    creationDate: created.length > 0 ? Math.min(...created) : null,
  };
}

/** An organisation with the fields the official client's transform reads. */
function organisationAnswer({ role: _role, ...organisation }: StoredOrganisation) {
  return {
    description: organisation.name,
    billingEmail: null,
    address: null,
    city: null,
    zipcode: null,
    country: null,
    company: null,
    VAT: null,
    avatar: null,
    vatState: 'NOT_NEEDED',
    customerFullName: null,
    canPay: true,
    cleverEnterprise: false,
    emergencyNumber: null,
    canSEPA: false,
    isTrusted: false,
    ...organisation,
  };
}

/** The personal space as `GET /v2/organisations` lists it: the user's id and name. */
function personalSpaceAnswer(user: StoredUser) {
  return organisationAnswer({ id: user.id, name: user.name, role: 'ADMIN', billingEmail: user.email });
}

function addonAnswer({ ownerId: _ownerId, ...addon }: StoredAddon) {
  return addonWithClientFields(addon as StoredAddon);
}

/** An app's deployments, newest first, each with its integer `id` (its rank, oldest = 1). */
function deploymentsAnswer(store: SandboxStore, app: StoredApp): (Deployment & { id: number })[] {
  const newestFirst = store.deployments(app.id);
  const instances = Number((app.instance as { minInstances?: unknown }).minInstances) || 1;
  return newestFirst.map((d, i) => ({ ...d, id: newestFirst.length - i, instances }));
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
