// The world a new sandbox starts with: a user, two organisations, apps across runtimes, zones and
// states, add-ons, each owner's default e-mail hook, a few webhooks, a deployment history per app,
// and each organisation's members (the user and a few colleagues). Ids are random (prefix + UUID v4) so that two sandboxes never share them. Every host and
// e-mail domain is reserved (RFC 2606), so the seeded hooks never reach a real service.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppState, Deployment, DeploymentState, EmailHook, Webhook } from '../../domain/schemas.js';
import type { StoredAddon, StoredApp, StoredMember, StoredOrganisation, StoredUser, World } from './world.js';

interface AppSeed {
  name: string;
  slug: string;
  runtime: string;
  version: string;
  zone: string;
  state: AppState;
  flavor: string;
}

interface AddonSeed {
  name: string;
  provider: { id: string; name: string };
  prefix: string;
  plan: { name: string; slug: string };
  region: string;
}

const USER_APPS: AppSeed[] = [
  {
    name: 'blog',
    slug: 'static',
    runtime: 'Static',
    version: '20240101',
    zone: 'par',
    state: 'SHOULD_BE_UP',
    flavor: 'nano',
  },
  {
    name: 'side-project',
    slug: 'node',
    runtime: 'Node.js',
    version: '20',
    zone: 'rbx',
    state: 'SHOULD_BE_DOWN',
    flavor: 'XS',
  },
];

const ACME_APPS: AppSeed[] = [
  {
    name: 'shop-front',
    slug: 'node',
    runtime: 'Node.js',
    version: '22',
    zone: 'par',
    state: 'SHOULD_BE_UP',
    flavor: 'S',
  },
  {
    name: 'shop-api',
    slug: 'java',
    runtime: 'Java',
    version: '21',
    zone: 'par',
    state: 'SHOULD_BE_UP',
    flavor: 'M',
  },
  {
    name: 'recommendations',
    slug: 'python',
    runtime: 'Python',
    version: '3.12',
    zone: 'rbx',
    state: 'WANTS_TO_BE_UP',
    flavor: 'S',
  },
  {
    name: 'billing-worker',
    slug: 'go',
    runtime: 'Go',
    version: '1.23',
    zone: 'mtl',
    state: 'SHOULD_BE_UP',
    flavor: 'XS',
  },
  {
    name: 'legacy-admin',
    slug: 'php',
    runtime: 'PHP',
    version: '8.3',
    zone: 'sgp',
    state: 'MODERATED',
    flavor: 'XS',
  },
];

const LABS_APPS: AppSeed[] = [
  {
    name: 'ml-gateway',
    slug: 'docker',
    runtime: 'Docker',
    version: 'latest',
    zone: 'par',
    state: 'SHOULD_BE_UP',
    flavor: 'L',
  },
  {
    name: 'docs-site',
    slug: 'static',
    runtime: 'Static',
    version: '20240101',
    zone: 'syd',
    state: 'SHOULD_BE_UP',
    flavor: 'nano',
  },
  {
    name: 'data-pipeline',
    slug: 'python',
    runtime: 'Python',
    version: '3.11',
    zone: 'wsw',
    state: 'DEFAULT_OF_PAYMENT',
    flavor: 'M',
  },
];

const POSTGRESQL = { id: 'postgresql-addon', name: 'PostgreSQL' };
const REDIS = { id: 'redis-addon', name: 'Redis' };
const CELLAR = { id: 'cellar-addon', name: 'Cellar S3 storage' };
const MYSQL = { id: 'mysql-addon', name: 'MySQL' };

const USER_ADDONS: AddonSeed[] = [
  { name: 'blog-db', provider: MYSQL, prefix: 'mysql', plan: { name: 'DEV', slug: 'dev' }, region: 'par' },
];
const ACME_ADDONS: AddonSeed[] = [
  {
    name: 'shop-db',
    provider: POSTGRESQL,
    prefix: 'postgresql',
    plan: { name: 'M', slug: 'm_med' },
    region: 'par',
  },
  {
    name: 'shop-cache',
    provider: REDIS,
    prefix: 'redis',
    plan: { name: 'S', slug: 's_mono' },
    region: 'par',
  },
  { name: 'shop-assets', provider: CELLAR, prefix: 'cellar', plan: { name: 'S', slug: 's' }, region: 'par' },
];
const LABS_ADDONS: AddonSeed[] = [
  { name: 'datasets', provider: CELLAR, prefix: 'cellar', plan: { name: 'S', slug: 's' }, region: 'par' },
  {
    name: 'features-db',
    provider: POSTGRESQL,
    prefix: 'postgresql',
    plan: { name: 'XS', slug: 'xs_sml' },
    region: 'rbx',
  },
];

interface ColleagueSeed {
  /** null: an account that never set a name (the API answers null, as for a bot). */
  name: string | null;
  email: string;
  role: 'ADMIN' | 'MANAGER' | 'DEVELOPER' | 'ACCOUNTING';
  job: string | null;
}

const ACME_COLLEAGUES: ColleagueSeed[] = [
  { name: 'Margaret Hamilton', email: 'margaret@acme.example', role: 'MANAGER', job: 'Head of engineering' },
  { name: 'Alan Turing', email: 'alan@acme.example', role: 'DEVELOPER', job: 'Backend developer' },
  { name: 'Katherine Johnson', email: 'katherine@acme.example', role: 'ACCOUNTING', job: null },
  { name: null, email: 'ci-bot@acme.example', role: 'DEVELOPER', job: null },
];
const LABS_COLLEAGUES: ColleagueSeed[] = [
  { name: 'Charles Babbage', email: 'charles@lovelace-labs.example', role: 'ADMIN', job: 'Founder' },
  { name: 'Mary Somerville', email: 'mary@lovelace-labs.example', role: 'DEVELOPER', job: 'Data scientist' },
];

const DAY = 86_400_000;

export function seedWorld(now: Date): World {
  const t = now.getTime();
  const user: StoredUser = { id: `user_${randomUUID()}`, name: 'Ada Lovelace', email: 'ada@example.com' };
  const acme: StoredOrganisation = { id: `orga_${randomUUID()}`, name: 'Acme Shop', role: 'ADMIN' };
  const labs: StoredOrganisation = { id: `orga_${randomUUID()}`, name: 'Lovelace Labs', role: 'DEVELOPER' };

  const applications = [
    ...USER_APPS.map((a, i) => makeApp(a, user.id, t - (400 - i * 30) * DAY)),
    ...ACME_APPS.map((a, i) => makeApp(a, acme.id, t - (300 - i * 20) * DAY)),
    ...LABS_APPS.map((a, i) => makeApp(a, labs.id, t - (200 - i * 25) * DAY)),
  ];
  const addons = [
    ...USER_ADDONS.map((a) => makeAddon(a, user.id, t - 390 * DAY)),
    ...ACME_ADDONS.map((a) => makeAddon(a, acme.id, t - 290 * DAY)),
    ...LABS_ADDONS.map((a) => makeAddon(a, labs.id, t - 190 * DAY)),
  ];

  const emailhooks: EmailHook[] = [user.id, acme.id, labs.id].map((ownerId) => ({
    id: randomUUID(),
    ownerId,
    name: 'Default deployment result e-mails',
    events: ['META_DEPLOYMENT_RESULT'],
    createdAt: new Date(t - 400 * DAY).toISOString(),
  }));
  const shopFront = applications.find((a) => a.name === 'shop-front')!;
  emailhooks.push({
    id: randomUUID(),
    ownerId: acme.id,
    name: 'On-call: shop-front failures',
    events: ['DEPLOYMENT_FAIL', 'APPLICATION_STOP'],
    scope: [shopFront.id],
    notified: [
      { type: 'email', target: 'oncall@acme.example,ops@acme.example' },
      { type: 'userid', target: user.id },
    ],
    createdAt: new Date(t - 120 * DAY).toISOString(),
  });

  const webhooks: Webhook[] = [
    {
      id: randomUUID(),
      ownerId: acme.id,
      name: 'Slack #deploys',
      urls: [
        {
          format: 'slack',
          url: 'https://hooks.slack.example/services/T000SANDBOX/B000SANDBOX/sandbox0000000000000000',
        },
      ],
      events: ['META_DEPLOYMENT_RESULT', 'APPLICATION_STOP'],
      createdAt: new Date(t - 250 * DAY).toISOString(),
      failures: [],
      state: 'ENABLED',
    },
    {
      id: randomUUID(),
      ownerId: acme.id,
      name: 'Audit log (raw)',
      urls: [{ format: 'raw', url: 'https://audit.acme.example/clever-cloud/events' }],
      scope: [shopFront.id, applications.find((a) => a.name === 'shop-api')!.id],
      createdAt: new Date(t - 180 * DAY).toISOString(),
      failures: [],
      state: 'ENABLED',
    },
    {
      id: randomUUID(),
      ownerId: labs.id,
      name: 'Old CI trigger',
      urls: [{ format: 'raw', url: 'https://ci.lovelace-labs.example/hooks/clever' }],
      events: ['DEPLOYMENT_SUCCESS'],
      createdAt: new Date(t - 150 * DAY).toISOString(),
      failures: [3, 2, 1].map((daysAgo) => ({
        url: 'https://ci.lovelace-labs.example/hooks/clever',
        status: 502,
        partialBody: '<html><body><h1>502 Bad Gateway</h1></body></html>',
        createdAt: new Date(t - daysAgo * DAY).toISOString(),
      })),
      state: 'DISABLED',
    },
    {
      id: randomUUID(),
      ownerId: user.id,
      name: 'Personal notifier',
      urls: [{ format: 'raw', url: 'https://ntfy.example/ada-deploys' }],
      events: ['DEPLOYMENT_FAIL'],
      createdAt: new Date(t - 60 * DAY).toISOString(),
      failures: [],
      state: 'ENABLED',
    },
  ];

  const deployments = new Map<string, Deployment[]>();
  for (const [index, app] of applications.entries()) {
    deployments.set(app.id, deploymentHistory(app, index, user, t));
  }

  const members = new Map<string, StoredMember[]>([
    [acme.id, [userMember(user, acme.role, 'CTO'), ...ACME_COLLEAGUES.map(colleague)]],
    [labs.id, [userMember(user, labs.role, null), ...LABS_COLLEAGUES.map(colleague)]],
  ]);

  return {
    user,
    organisations: [acme, labs],
    applications: new Map(applications.map((a) => [a.id, a])),
    addons: new Map(addons.map((a) => [a.id, a])),
    webhooks: groupByOwner(webhooks),
    emailhooks: groupByOwner(emailhooks),
    deployments,
    members,
  };
}

function userMember(user: StoredUser, role: string, job: string | null): StoredMember {
  return {
    member: { id: user.id, name: user.name, email: user.email, avatar: null, preferredMFA: 'TOTP' },
    role,
    job,
  };
}

function colleague(seed: ColleagueSeed): StoredMember {
  return {
    member: {
      id: `user_${randomUUID()}`,
      name: seed.name,
      email: seed.email,
      avatar: null,
      preferredMFA: 'NONE',
    },
    role: seed.role,
    job: seed.job,
  };
}

function makeApp(seed: AppSeed, ownerId: string, created: number): StoredApp {
  const id = `app_${randomUUID()}`;
  const host = `${id.replaceAll('-', '').slice(0, 20)}.cleverapps.example`;
  return {
    id,
    ownerId,
    name: seed.name,
    description: seed.name,
    zone: seed.zone,
    zoneId: seed.zone,
    instance: {
      type: seed.slug,
      version: seed.version,
      variant: { slug: seed.slug, name: seed.runtime, deployType: seed.slug },
      minInstances: 1,
      maxInstances: seed.state === 'SHOULD_BE_DOWN' ? 1 : 2,
      maxAllowedInstances: 40,
      // The full flavors (and the list of them) are added as the app is answered: appWithClientFields.
      minFlavor: { name: seed.flavor },
      maxFlavor: { name: seed.flavor },
      defaultEnv: {},
      lifetime: 'REGULAR',
    },
    deployment: {
      type: 'GIT',
      shutdownable: false,
      repoState: 'CREATED',
      url: `git+ssh://git@push-n2-par-clevercloud-customers.services.clever-cloud.example/${id}.git`,
      httpUrl: `https://push-n2-par-clevercloud-customers.services.clever-cloud.example/${id}.git`,
    },
    vhosts: [{ fqdn: host }],
    creationDate: created,
    archived: false,
    stickySessions: false,
    homogeneous: false,
    favourite: false,
    // What the sandbox does on a push while a deployment is WIP (../events/deployments.ts).
    cancelOnPush: true,
    separateBuild: false,
    forceHttps: 'ENABLED',
    state: seed.state,
    branch: 'master',
    branches: ['master'],
    env: [],
    buildFlavor: null,
    appliance: null,
    commitId: hex(40),
  };
}

function makeAddon(seed: AddonSeed, ownerId: string, created: number): StoredAddon {
  return {
    id: `addon_${randomUUID()}`,
    ownerId,
    name: seed.name,
    realId: `${seed.prefix}_${randomUUID()}`,
    region: seed.region,
    provider: { ...seed.provider, shortDesc: `${seed.provider.name} by Clever Cloud` },
    plan: { id: `plan_${randomUUID()}`, ...seed.plan, price: 0, features: [] },
    zoneId: seed.region,
    configKeys: ADDON_CONFIG_KEYS[seed.provider.id] ?? [],
    creationDate: created,
  };
}

/** The environment variables each kind of add-on gives its apps (names only, as the API lists them). */
const ADDON_CONFIG_KEYS: Record<string, string[]> = {
  'postgresql-addon': [
    'POSTGRESQL_ADDON_DB',
    'POSTGRESQL_ADDON_HOST',
    'POSTGRESQL_ADDON_PASSWORD',
    'POSTGRESQL_ADDON_PORT',
    'POSTGRESQL_ADDON_URI',
    'POSTGRESQL_ADDON_USER',
  ],
  'mysql-addon': [
    'MYSQL_ADDON_DB',
    'MYSQL_ADDON_HOST',
    'MYSQL_ADDON_PASSWORD',
    'MYSQL_ADDON_PORT',
    'MYSQL_ADDON_URI',
    'MYSQL_ADDON_USER',
  ],
  'redis-addon': ['REDIS_HOST', 'REDIS_PASSWORD', 'REDIS_PORT', 'REDIS_URL'],
  'cellar-addon': ['CELLAR_ADDON_HOST', 'CELLAR_ADDON_KEY_ID', 'CELLAR_ADDON_KEY_SECRET'],
};

/** Runtime sizes as the API's product flavors describe them (memory in MiB, price per hour in credits). */
const RUNTIME_FLAVORS = [
  { name: 'pico', mem: 256, cpus: 1, price: 0.0672, microservice: true },
  { name: 'nano', mem: 512, cpus: 1, price: 0.1008, microservice: true },
  { name: 'XS', mem: 1024, cpus: 1, price: 0.3436, microservice: false },
  { name: 'S', mem: 2048, cpus: 2, price: 0.6872, microservice: false },
  { name: 'M', mem: 4096, cpus: 4, price: 1.3744, microservice: false },
  { name: 'L', mem: 8192, cpus: 6, price: 2.7488, microservice: false },
  { name: 'XL', mem: 16384, cpus: 8, price: 5.4976, microservice: false },
] as const;

/**
 * A runtime flavor in the API's shape, with every field that @clevercloud/client's
 * `transformProductRuntimeFlavor` reads (it lower-cases `price_id`, so that one must be there).
 */
export function runtimeFlavor(name: string): Record<string, unknown> {
  const flavor = RUNTIME_FLAVORS.find((f) => f.name === name) ?? RUNTIME_FLAVORS[2];
  const gib = flavor.mem / 1024;
  return {
    name: flavor.name,
    mem: flavor.mem,
    cpus: flavor.cpus,
    gpus: 0,
    disk: null,
    price: flavor.price,
    available: true,
    microservice: flavor.microservice,
    machine_learning: false,
    nice: 0,
    price_id: `apps.${flavor.name}`,
    memory: {
      unit: 'gigabyte',
      value: flavor.mem * 1024 * 1024,
      formatted: gib < 1 ? `${flavor.mem} MiB` : `${gib} GiB`,
    },
    cpuFactor: 1,
    memFactor: 1,
  };
}

/**
 * An app with every field the official client reads, whatever data folder it comes from: worlds
 * seeded before these fields existed get them here, as the API would answer.
 */
export function appWithClientFields(app: StoredApp): StoredApp {
  const instance = app.instance as Record<string, unknown> & StoredApp['instance'];
  const flavorOf = (value: unknown) =>
    runtimeFlavor(typeof value === 'object' && value !== null && 'name' in value ? String(value.name) : 'XS');
  const deployment = (app.deployment ?? {}) as Record<string, unknown>;
  return {
    ...app,
    instance: {
      ...instance,
      minFlavor: flavorOf(instance.minFlavor),
      maxFlavor: flavorOf(instance.maxFlavor),
      flavors: Array.isArray(instance.flavors)
        ? instance.flavors
        : RUNTIME_FLAVORS.map((f) => runtimeFlavor(f.name)),
      defaultEnv: instance.defaultEnv ?? {},
    },
    deployment: {
      type: 'GIT',
      shutdownable: false,
      repoState: 'CREATED',
      url: `git+ssh://git@push.clever-cloud.example/${app.id}.git`,
      httpUrl: `https://push.clever-cloud.example/${app.id}.git`,
      ...deployment,
    },
    env: Array.isArray(app.env) ? app.env : [],
    branches: Array.isArray(app.branches) ? app.branches : [app.branch ?? 'master'],
  };
}

/** An add-on with every field the official client reads (`configKeys`, `plan.features`), as above. */
export function addonWithClientFields(addon: StoredAddon): StoredAddon {
  const plan = (addon.plan ?? {}) as Record<string, unknown>;
  return {
    ...addon,
    plan: { ...plan, features: Array.isArray(plan.features) ? plan.features : [] },
    configKeys: Array.isArray(addon.configKeys) ? addon.configKeys : [],
  };
}

const CAUSES = ['Git', 'Git', 'Console', 'API', 'Git'];

/** Up to a dozen deployments over the last weeks, oldest first, with the odd failure and cancel. */
function deploymentHistory(app: StoredApp, index: number, author: StoredUser, now: number): Deployment[] {
  const count = 4 + ((index * 7) % 9);
  const list: Deployment[] = [];
  for (let i = count; i >= 1; i--) {
    const state: DeploymentState = i % 5 === 3 ? 'FAIL' : i % 7 === 4 ? 'CANCELLED' : 'OK';
    list.push({
      uuid: randomUUID(),
      date: now - i * 2.5 * DAY - index * 3_600_000,
      state,
      action: i % 6 === 0 ? 'RESTART' : 'DEPLOY',
      commit: hex(40),
      cause: CAUSES[i % CAUSES.length]!,
      author: { id: author.id, name: author.name },
    });
  }
  const last = list[list.length - 1]!;
  if (app.state === 'SHOULD_BE_UP' || app.state === 'SHOULD_BE_DOWN') last.state = 'OK';
  if (app.state === 'WANTS_TO_BE_UP') last.state = 'FAIL';
  app.commitId = last.commit ?? app.commitId;
  return list;
}

function groupByOwner<H extends { id: string; ownerId: string }>(hooks: H[]): Map<string, Map<string, H>> {
  const index = new Map<string, Map<string, H>>();
  for (const hook of hooks) {
    const owned = index.get(hook.ownerId) ?? new Map<string, H>();
    owned.set(hook.id, hook);
    index.set(hook.ownerId, owned);
  }
  return index;
}

function hex(length: number): string {
  return randomBytes(length / 2).toString('hex');
}
