import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLinkedApp } from '../../source/commands/linked-app.js';
import { ownerIdByName, ownersOf } from '../../source/commands/owner.js';
import type { Summary } from '../../source/domain/schemas.js';

const lists = { applications: [], addons: [], consumers: [], providers: [] };
const summary: Summary = {
  user: { id: 'user_1', name: 'Ada', ...lists },
  organisations: [
    { id: 'user_1', name: 'Ada', ...lists },
    { id: 'orga_1', name: 'Acme', ...lists },
    { id: 'orga_2', name: 'Twin', ...lists },
    { id: 'orga_3', name: 'Twin', ...lists },
  ],
};

describe('organisation names', () => {
  it('lists the personal space once', () => {
    expect(ownersOf(summary).map((o) => o.id)).toEqual(['user_1', 'orga_1', 'orga_2', 'orga_3']);
  });

  it('finds an exact name, else a case-insensitive one', () => {
    expect(ownerIdByName(summary, 'Acme')).toBe('orga_1');
    expect(ownerIdByName(summary, 'acme')).toBe('orga_1');
  });

  it('lists the choices when the name is unknown or ambiguous', () => {
    expect(() => ownerIdByName(summary, 'Twin')).toThrow(
      'several organisations are named "Twin": use the id of one of Twin (orga_2), Twin (orga_3)',
    );
    expect(() => ownerIdByName(summary, 'Nope')).toThrow(
      /unknown organisation "Nope": yours are Ada \(user_1\), Acme \(orga_1\)/,
    );
  });
});

describe('.clever.json', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'clever-notify-linked-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function project(name: string, content: unknown): Promise<string> {
    const dir = join(root, name);
    await mkdir(join(dir, 'deep', 'er'), { recursive: true });
    await writeFile(
      join(dir, '.clever.json'),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
    return join(dir, 'deep', 'er');
  }

  it('is found in a parent folder', async () => {
    const cwd = await project('one', { apps: [{ app_id: 'app_1', org_id: 'orga_1', alias: 'a' }] });
    expect(await findLinkedApp(cwd, {})).toMatchObject({ appId: 'app_1', ownerId: 'orga_1' });
  });

  it('uses the default app among several, and asks when there is none', async () => {
    const apps = [
      { app_id: 'app_1', org_id: 'orga_1', alias: 'front' },
      { app_id: 'app_2', alias: 'back' },
    ];
    expect(await findLinkedApp(await project('default', { default: 'app_2', apps }), {})).toEqual({
      appId: 'app_2',
      file: join(root, 'default', '.clever.json'),
    });
    await expect(findLinkedApp(await project('several', { apps }), {})).rejects.toThrow(
      /several applications are linked in .*\(front, back\)/,
    );
  });

  it('names a broken file, and ignores one that links nothing', async () => {
    await expect(findLinkedApp(await project('broken', '{'), {})).rejects.toThrow(
      /\.clever\.json is not valid JSON/,
    );
    expect(await findLinkedApp(await project('empty', { apps: [] }), {})).toBeUndefined();
  });

  it('follows APP_CONFIGURATION_FILE', async () => {
    await writeFile(join(root, 'custom.json'), JSON.stringify({ apps: [{ app_id: 'app_9' }] }));
    expect((await findLinkedApp(root, { APP_CONFIGURATION_FILE: join(root, 'custom.json') }))?.appId).toBe(
      'app_9',
    );
  });
});
