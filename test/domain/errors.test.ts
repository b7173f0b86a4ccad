// The commands and the subsystems they load are two bundles with a copy of domain/errors.ts each
// (scripts/build.mjs): a UserError of one copy is a UserError for the other.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { UserError } from '../../source/domain/errors.js';

describe('UserError', () => {
  it('is recognised across two copies of its module, and subclasses are checked as usual', async () => {
    // A query string makes Vite load a second, separate instance of the module.
    const second = '../../source/domain/errors.js?copy';
    const copy = (await import(second)) as typeof import('../../source/domain/errors.js');
    expect(copy.UserError).not.toBe(UserError);
    const theirs = new copy.UserError('from the other bundle', 3);
    expect(theirs instanceof UserError).toBe(true);
    expect(new UserError('ours') instanceof copy.UserError).toBe(true);
    expect(theirs.exitCode).toBe(3);

    const api = new ApiError('unreachable', undefined, true);
    expect(api instanceof UserError).toBe(true);
    expect(api instanceof copy.UserError).toBe(true);
    expect(api instanceof ApiError).toBe(true);
    expect(new UserError('plain') instanceof ApiError).toBe(false);
    expect(new Error('bug') instanceof UserError).toBe(false);
    expect((null as unknown) instanceof UserError).toBe(false);
  });
});
