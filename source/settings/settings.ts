// clever-notify's own settings (not the clever-tools config): the last owner looked at, the theme,
// and the sandbox data folder. One JSON file, readable by its owner only, replaced whole on each
// change (written aside, then renamed). CLEVER_NOTIFY_CONFIG_DIR moves the folder (tests never touch
// the real home). A few lines rather than a library: the TUI reads this file before its first
// request, and a JSON-schema validator compiled at every start cost more than the rest of it
// (docs/performance.md).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import * as z from 'zod/mini';

export type ThemeName = 'auto' | 'dark' | 'light' | 'no-color';

/** A table sorted by a column (by the column's id), as the TUI remembers it. */
export interface SavedSort {
  column: string;
  descending: boolean;
}

export interface SettingsData {
  lastOwnerId?: string;
  theme?: ThemeName;
  sandboxDataDir?: string;
  /** The TUI showed its first-run welcome screen. */
  welcomeShown?: boolean;
  /** The column each of the TUI's tables is sorted by, by table ("webhooks", "emailHooks"). */
  tableSorts?: Record<string, SavedSort>;
}

export interface Settings {
  get<K extends keyof SettingsData>(key: K): SettingsData[K];
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void;
  delete(key: keyof SettingsData): void;
  readonly path: string;
}

const THEMES: readonly ThemeName[] = ['auto', 'dark', 'light', 'no-color'];

// A hand-edited value of the wrong type must not break the program: that value is dropped, the
// others are kept, and so are keys written by a later version.
const SettingsFile = z.looseObject({
  lastOwnerId: z.catch(z.optional(z.string()), undefined),
  theme: z.catch(z.optional(z.enum(THEMES)), undefined),
  sandboxDataDir: z.catch(z.optional(z.string()), undefined),
  welcomeShown: z.catch(z.optional(z.boolean()), undefined),
  // One table's bad entry drops that entry only.
  tableSorts: z.catch(
    z.optional(
      z.pipe(
        z.record(
          z.string(),
          z.catch(z.optional(z.object({ column: z.string(), descending: z.boolean() })), undefined),
        ),
        z.transform((sorts) =>
          Object.fromEntries(Object.entries(sorts).filter(([, sort]) => sort !== undefined)),
        ),
      ),
    ),
    undefined,
  ),
});

export function openSettings(env: Record<string, string | undefined> = process.env): Settings {
  const dir = env.CLEVER_NOTIFY_CONFIG_DIR ?? envPaths('clever-notify', { suffix: '' }).config;
  const file = path.join(dir, 'settings.json');
  const data: Record<string, unknown> = read(file);
  const save = () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, `${JSON.stringify(data, null, '\t')}\n`, { mode: 0o600 });
    renameSync(aside, file);
  };
  return {
    get: (key) => data[key] as SettingsData[typeof key],
    set: (key, value) => {
      if (value === undefined) delete data[key];
      else data[key] = value;
      save();
    },
    delete: (key) => {
      delete data[key];
      save();
    },
    path: file,
  };
}

/** The file's settings; none when it is missing or is not a JSON object (it is replaced on the next change). */
function read(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = SettingsFile.safeParse(JSON.parse(text));
    if (!parsed.success) return {};
    return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  } catch {
    return {};
  }
}

/** Remembers how one table is sorted, or forgets it (`undefined`: the API's order again). */
export function saveTableSort(settings: Settings, table: string, sort: SavedSort | undefined): void {
  const { [table]: _old, ...others } = settings.get('tableSorts') ?? {};
  settings.set('tableSorts', sort ? { ...others, [table]: sort } : others);
}
