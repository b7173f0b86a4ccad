// Enter on a step: each step checks what was typed, then moves on, or stays and says why.
import { discordUrlForFormat } from '../../domain/discord-url.js';
import { isSlackLikeUrl } from '../../domain/masking.js';
import { isPersonalSpace } from './recipients.js';
import { FORMAT_CHOICES, isEmailAddress, PRESETS, urlProblem } from './wizard-model.js';
import { goTo, stepBy } from './wizard-navigation.js';
import { addressList, visibleScopeChoices, type WizardState } from './wizard-state.js';
import { commitUrl } from './wizard-urls.js';

export function accept(state: WizardState): WizardState {
  switch (state.step) {
    case 'preset': {
      const preset = PRESETS[state.presetCursor]!;
      const name = state.name || (preset.id === 'scratch' ? '' : preset.label);
      const filled: WizardState = {
        ...state,
        name,
        format: preset.format ?? state.format,
        formatTouched: preset.format !== undefined,
        events: preset.events ?? state.events,
        allEvents: false,
      };
      return { ...stepBy(filled, 1), textSelected: name !== '' && state.name === '' };
    }
    case 'name':
      if (state.name.trim() === '')
        return { ...state, problem: 'A hook needs a name, so that you can find it later.' };
      return stepBy({ ...state, name: state.name.trim() }, 1);
    case 'url':
      return acceptUrl(state);
    case 'format': {
      const format = FORMAT_CHOICES[state.formatCursor]!.format;
      const url = discordUrlForFormat(state.url, format);
      const chosen = { ...state, format, formatTouched: true, url };
      const note = url === state.url ? undefined : discordNote(state.url, url);
      if (state.editingUrl !== undefined) return commitUrl(chosen, note);
      const next = stepBy(chosen, 1);
      return note ? { ...next, note } : next;
    }
    case 'urls':
      return stepBy(state, 1);
    case 'recipients': {
      const addresses = addressList(state.addresses);
      const bad = addresses.filter((a) => !isEmailAddress(a));
      if (bad.length > 0) return { ...state, problem: `Not an e-mail address: ${bad.join(', ')}` };
      if (
        !state.wholeTeam &&
        state.userIds.length === 0 &&
        addresses.length === 0 &&
        state.otherTargets.length === 0
      ) {
        const people = isPersonalSpace(state.context.ownerId) ? 'you' : 'members';
        return {
          ...state,
          problem: `Choose who gets the e-mails: the whole team, ${people}, or some addresses.`,
        };
      }
      return stepBy(state, 1);
    }
    case 'events':
      if (!state.allEvents && state.events.length === 0) {
        return { ...state, problem: 'Choose at least one event (Space toggles), or "all events".' };
      }
      return stepBy(state, 1);
    case 'scope': {
      const choice = visibleScopeChoices(state)[state.scopeCursor];
      if (state.scopeMode === 'chosen' || choice?.kind === 'resource') {
        if (state.scope.length === 0) {
          return { ...state, problem: 'Choose at least one app or add-on with Space, or pick "All apps".' };
        }
        return stepBy({ ...state, scopeMode: 'chosen' }, 1);
      }
      return stepBy({ ...state, scopeMode: choice?.kind === 'app' ? 'app' : 'all' }, 1);
    }
    case 'review':
      return {
        ...state,
        submitting: true,
        submitSerial: state.submitSerial + 1,
        submitError: undefined,
        problem: undefined,
      };
  }
}

function acceptUrl(state: WizardState): WizardState {
  const problem = urlProblem(state.url);
  if (problem) return { ...state, problem };
  const typed = state.url.trim();
  const kind = isSlackLikeUrl(typed);
  const proposed = kind && !state.formatTouched ? { format: 'slack' as const } : {};
  // Discord takes Slack messages only at its URL ending in /slack: the suffix follows the format.
  const url = discordUrlForFormat(typed, proposed.format ?? state.format);
  const note =
    kind === 'slack'
      ? 'This is a Slack URL: the slack format is proposed.'
      : kind === 'discord'
        ? discordNote(typed, url)
        : undefined;
  const filled = { ...state, ...proposed, url };
  // A URL of the list goes on to its own format, whatever the steps of the wizard are.
  const next = state.editingUrl !== undefined ? goTo(filled, 'format') : stepBy(filled, 1);
  return { ...next, note };
}

function discordNote(before: string, after: string): string | undefined {
  if (after === before) {
    return after.endsWith('/slack')
      ? 'Discord takes Slack messages at this …/slack URL: the slack format is proposed.'
      : undefined;
  }
  return after.endsWith('/slack')
    ? 'Discord takes Slack messages at …/slack: it was added to the URL (Esc to change it).'
    : 'Discord takes other formats without …/slack: it was removed from the URL (Esc to change it).';
}
