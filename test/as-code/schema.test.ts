// The JSON Schema shipped in the package is the one the zod schema of the file gives today.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { notificationsJsonSchema } from '../../source/as-code/file-schema.js';

describe('schema/notifications.schema.json', () => {
  it('matches the zod schema of the file (run `npm run schema` after changing it) and is packed', async () => {
    const shipped = JSON.parse(
      await readFile(new URL('../../schema/notifications.schema.json', import.meta.url), 'utf8'),
    );
    expect(shipped).toEqual(notificationsJsonSchema());
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.files).toContain('schema/*.json');
  });
});
