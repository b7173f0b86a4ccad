// The notifications file (docs in README.md, "Notifications as code"): per owner, its webhooks and
// e-mail hooks by name, in the words a person writes (app and add-on names, `me`, `organisation`)
// rather than the API's ids. The JSON Schema shipped in schema/ is generated from this one.
import { z } from 'zod';
import { WEBHOOK_FORMATS } from '../domain/schemas.js';
import { VERSION } from '../domain/version.js';

/** Where editors find the schema of the file: the copy shipped in the package of this version. */
export const SCHEMA_URL = `https://unpkg.com/clever-notify@${VERSION}/schema/notifications.schema.json`;

const HookName = z
  .string()
  .regex(/\S/, 'a name must not be blank')
  .describe('The name of the hook: how the file and the API match it');
const Events = z
  .array(z.string().min(1))
  .describe('Events and META_… groups, kept as written; leave it out for every event');
const Names = (what: string) =>
  z
    .array(z.string().min(1))
    .describe(`${what} by name (or id) in the hook's scope; leave apps and addons out for all of them`);

export const FileWebhookUrl = z.strictObject({
  format: z.enum(WEBHOOK_FORMATS).default('raw').describe('The body sent to this URL'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the file's own syntax for a variable
  url: z.string().min(1).describe('http(s) URL; ${VAR} is replaced by the environment variable VAR'),
});

export const FileWebhook = z.strictObject({
  name: HookName,
  urls: z.array(FileWebhookUrl).min(1),
  events: Events.optional(),
  apps: Names('Apps').optional(),
  addons: Names('Add-ons').optional(),
});
export type FileWebhook = z.infer<typeof FileWebhook>;

/** A recipient type this client does not know, kept as the API gave it. */
export const FileOtherRecipient = z.strictObject({ type: z.string().min(1), target: z.string().optional() });

export const FileRecipient = z.union([
  z
    .string()
    .min(1)
    .describe('an e-mail address (several joined by commas), a user_… id, "me" or "organisation"'),
  FileOtherRecipient,
]);
export type FileRecipient = z.infer<typeof FileRecipient>;

export const FileEmailHook = z.strictObject({
  name: HookName,
  notify: z
    .array(FileRecipient)
    .optional()
    .describe('Who gets the e-mails; leave it out for the whole team of the owner'),
  events: Events.optional(),
  apps: Names('Apps').optional(),
  addons: Names('Add-ons').optional(),
});
export type FileEmailHook = z.infer<typeof FileEmailHook>;

export const FileOwner = z.strictObject({
  name: z.string().min(1).describe('The organisation (or personal space) by name'),
  id: z
    .string()
    .optional()
    .describe('orga_… or user_…: it wins over the name, so that a renamed organisation still matches'),
  personal: z
    .literal(true)
    .optional()
    .describe('The personal space of whoever applies the file (its name and id are then informative)'),
  webhooks: z
    .array(FileWebhook)
    .optional()
    .describe("Leave it out to leave this owner's webhooks alone, even with --prune"),
  emailHooks: z
    .array(FileEmailHook)
    .optional()
    .describe("Leave it out to leave this owner's e-mail hooks alone, even with --prune"),
});
export type FileOwner = z.infer<typeof FileOwner>;

export const NotificationsFile = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    owners: z.array(FileOwner),
  })
  .meta({
    title: 'clever-notify notifications',
    description: 'Webhooks and e-mail hooks of Clever Cloud owners, for `clever-notify plan` and `apply`',
  });
export type NotificationsFile = z.infer<typeof NotificationsFile>;

/** The JSON Schema of the file, as shipped in schema/notifications.schema.json. */
export function notificationsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NotificationsFile, { io: 'input' });
}
