// clever-notify's own settings (not the clever-tools config): the last owner looked at, the theme,
// and the sandbox data folder. One JSON file through conf, readable by its owner only.
// CLEVER_NOTIFY_CONFIG_DIR moves the folder (tests never touch the real home).
import Conf from 'conf';

export type ThemeName = 'auto' | 'dark' | 'light' | 'no-color';

export interface SettingsData {
  lastOwnerId?: string;
  theme?: ThemeName;
  sandboxDataDir?: string;
  /** The TUI showed its first-run welcome screen. */
  welcomeShown?: boolean;
}

export interface Settings {
  get<K extends keyof SettingsData>(key: K): SettingsData[K];
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void;
  delete(key: keyof SettingsData): void;
  readonly path: string;
}

const THEMES: readonly ThemeName[] = ['auto', 'dark', 'light', 'no-color'];

export function openSettings(env: Record<string, string | undefined> = process.env): Settings {
  const dir = env.CLEVER_NOTIFY_CONFIG_DIR;
  const store = new Conf<SettingsData>({
    projectName: 'clever-notify',
    projectSuffix: '',
    ...(dir ? { cwd: dir } : {}),
    configName: 'settings',
    configFileMode: 0o600,
    // A hand-edited file with a wrong type must not break the program: unknown values are dropped.
    clearInvalidConfig: true,
    schema: {
      lastOwnerId: { type: 'string' },
      theme: { type: 'string', enum: [...THEMES] },
      sandboxDataDir: { type: 'string' },
      welcomeShown: { type: 'boolean' },
    },
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
    path: store.path,
  };
}
