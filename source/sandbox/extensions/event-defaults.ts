// What a triggered event carries when the caller gives no data, so that it reads like the real one
// (a deployment event has a uuid, a state, an action, a commit and a cause).
import { randomBytes, randomUUID } from 'node:crypto';

const DEPLOYMENT_STATES: Record<string, string> = {
  DEPLOYMENT_ACTION_BEGIN: 'WIP',
  DEPLOYMENT_ACTION_END: 'OK',
  DEPLOYMENT_SUCCESS: 'OK',
  DEPLOYMENT_FAIL: 'FAIL',
};

export function eventDefaults(type: string): Record<string, unknown> {
  const state = DEPLOYMENT_STATES[type];
  if (state) {
    return {
      uuid: randomUUID(),
      state,
      action: 'DEPLOY',
      commit: randomBytes(20).toString('hex'),
      cause: 'Git',
    };
  }
  if (type === 'GIT_PUSH') return { commit: randomBytes(20).toString('hex'), branch: 'master' };
  return {};
}
