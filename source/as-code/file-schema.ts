// The notifications file (docs in README.md, "Notifications as code"): per owner, its webhooks and
// e-mail hooks by name, in the words a person writes (app and add-on names, `me`, `organisation`)
// rather than the API's ids. The JSON Schema shipped in schema/ is generated from this one.
// Written with zod's functional API (`zod/mini`), like the contract's schemas (source/domain/schemas.ts):
// the same parsing, messages and JSON Schema, and no classic API in the bundle (docs/performance.md).
import * as z from 'zod/mini';
import { WEBHOOK_FORMATS } from '../domain/schemas.js';
import { VERSION } from '../domain/version.js';

/** Where editors find the schema of the file: the copy shipped in the package of this version. */
export const SCHEMA_URL = `https://unpkg.com/clever-notify@${VERSION}/schema/notifications.schema.json`;

const NonEmpty = () => z.string().check(z.minLength(1));
const HookName = z
  .string()
  .check(
    z.regex(/\S/, 'a name must not be blank'),
    z.describe('The name of the hook: how the file and the API match it'),
  );
const Events = z
  .array(NonEmpty())
  .check(z.describe('Events and META_… groups, kept as written; leave it out for every event'));
const Names = (what: string) =>
  z
    .array(NonEmpty())
    .check(
      z.describe(`${what} by name (or id) in the hook's scope; leave apps and addons out for all of them`),
    );

export const FileWebhookUrl = z.strictObject({
  format: z._default(z.enum(WEBHOOK_FORMATS), 'raw').check(z.describe('The body sent to this URL')),
  url: NonEmpty().check(
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the file's own syntax for a variable
    z.describe('http(s) URL; ${VAR} is replaced by the environment variable VAR'),
  ),
});

export const FileWebhook = z.strictObject({
  name: HookName,
  urls: z.array(FileWebhookUrl).check(z.minLength(1)),
  events: z.optional(Events),
  apps: z.optional(Names('Apps')),
  addons: z.optional(Names('Add-ons')),
});
export type FileWebhook = z.infer<typeof FileWebhook>;

/** A recipient type this client does not know, kept as the API gave it. */
export const FileOtherRecipient = z.strictObject({ type: NonEmpty(), target: z.optional(z.string()) });

export const FileRecipient = z.union([
  NonEmpty().check(
    z.describe('an e-mail address (several joined by commas), a user_… id, "me" or "organisation"'),
  ),
  FileOtherRecipient,
]);
export type FileRecipient = z.infer<typeof FileRecipient>;

export const FileEmailHook = z.strictObject({
  name: HookName,
  notify: z
    .optional(z.array(FileRecipient))
    .check(z.describe('Who gets the e-mails; leave it out for the whole team of the owner')),
  events: z.optional(Events),
  apps: z.optional(Names('Apps')),
  addons: z.optional(Names('Add-ons')),
});
export type FileEmailHook = z.infer<typeof FileEmailHook>;

export const FileOwner = z.strictObject({
  name: NonEmpty().check(z.describe('The organisation (or personal space) by name')),
  id: z
    .optional(z.string())
    .check(
      z.describe('orga_… or user_…: it wins over the name, so that a renamed organisation still matches'),
    ),
  personal: z
    .optional(z.literal(true))
    .check(
      z.describe('The personal space of whoever applies the file (its name and id are then informative)'),
    ),
  webhooks: z
    .optional(z.array(FileWebhook))
    .check(z.describe("Leave it out to leave this owner's webhooks alone, even with --prune")),
  emailHooks: z
    .optional(z.array(FileEmailHook))
    .check(z.describe("Leave it out to leave this owner's e-mail hooks alone, even with --prune")),
});
export type FileOwner = z.infer<typeof FileOwner>;

export const NotificationsFile = z
  .strictObject({
    $schema: z.optional(z.string()),
    version: z.literal(1),
    owners: z.array(FileOwner),
  })
  .check(
    z.meta({
      title: 'clever-notify notifications',
      description: 'Webhooks and e-mail hooks of Clever Cloud owners, for `clever-notify plan` and `apply`',
    }),
  );
export type NotificationsFile = z.infer<typeof NotificationsFile>;

/** The JSON Schema of the file, as shipped in schema/notifications.schema.json. */
export function notificationsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NotificationsFile, { io: 'input' });
}
