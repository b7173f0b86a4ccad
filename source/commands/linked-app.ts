// The application linked by `clever link`: `.clever.json`, searched from the current folder upward
// like clever-tools does (APP_CONFIGURATION_FILE names another file).
import { basename, dirname, join, parse, resolve } from 'node:path';
import * as z from 'zod/mini';
import { readText } from '../api/text-files.js';
import { UserError } from '../domain/errors.js';

const AppConfigFile = z.looseObject({
  default: z.nullish(z.string()),
  apps: z._default(
    z.array(
      z.looseObject({
        app_id: z.string(),
        org_id: z.nullish(z.string()),
        name: z.nullish(z.string()),
        alias: z.nullish(z.string()),
      }),
    ),
    [],
  ),
});

export interface LinkedApp {
  appId: string;
  /** Absent in old files: the app is then in the personal space. */
  ownerId?: string;
  name?: string;
  file: string;
}

/** The linked app, or undefined when no file is found (or it links none). */
export async function findLinkedApp(
  cwd: string = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): Promise<LinkedApp | undefined> {
  const start = resolve(cwd, env.APP_CONFIGURATION_FILE ?? '.clever.json');
  const fileName = basename(start);
  let folder = dirname(start);
  for (;;) {
    const file = join(folder, fileName);
    const text = await readText(file).catch(() => undefined);
    if (text !== undefined) return pickApp(text, file);
    if (parse(folder).root === folder) return undefined;
    folder = dirname(folder);
  }
}

function pickApp(text: string, file: string): LinkedApp | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`${file} is not valid JSON`);
  }
  const parsed = AppConfigFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${file} is not a clever-tools app file (${issue.path.join('.')}: ${issue.message})`);
  }
  const { apps, default: defaultId } = parsed.data;
  if (apps.length === 0) return undefined;
  const app = defaultId ? apps.find((a) => a.app_id === defaultId) : apps.length === 1 ? apps[0] : undefined;
  if (!app) {
    if (defaultId) throw new UserError(`${file} names a default app that it does not list: fix the file`);
    const aliases = apps.map((a) => a.alias ?? a.app_id).join(', ');
    throw new UserError(
      `several applications are linked in ${file} (${aliases}): use --org, or \`clever link\` a default`,
    );
  }
  return {
    appId: app.app_id,
    file,
    ...(app.org_id ? { ownerId: app.org_id } : {}),
    ...(app.name ? { name: app.name } : {}),
  };
}
