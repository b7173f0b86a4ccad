import { Box, Text } from 'ink';
import { useEffect, useRef } from 'react';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import { errorText } from '../app/session.js';
import { useSession } from '../app/session-context.js';
import { hintsOf } from '../keys/key-map.js';
import { KEY_PRIORITY, useKeypress } from '../keys/keypress.js';
import { Footer } from '../layout/footer.js';
import { useDispatch } from '../state/store.js';
import { useTheme } from '../theme/theme-context.js';
import { useMembersLoad } from './use-members-load.js';
import { useWizardState } from './use-wizard-state.js';
import { emailHookInputOf, webhookInputOf } from './wizard-input.js';
import { stepKeyMaps } from './wizard-keys.js';
import { discardQuestion } from './wizard-navigation.js';
import type { WizardContext, WizardStep } from './wizard-state.js';
import { StepView } from './wizard-steps.js';
import { wrappedLines } from './wrap.js';

const STEP_TITLES: Record<WizardStep, string> = {
  preset: 'Start from',
  name: 'Name',
  url: 'URL',
  format: 'Format',
  urls: 'URLs',
  recipients: 'Recipients',
  events: 'Events',
  scope: 'Scope',
  review: 'Review',
};

export interface WizardProps {
  context: WizardContext;
  hook?: Webhook | EmailHook;
  width: number;
  height: number;
}

/** The guided add and edit: one step at a time, each checked before the next. */
export function Wizard({ context, hook, width, height }: WizardProps) {
  const theme = useTheme();
  const session = useSession();
  const appDispatch = useDispatch();
  const [state, dispatch] = useWizardState(context, hook);
  // PgUp and PgDn move by about what a list step shows (the body less its heading lines).
  const pageRef = useRef(1);
  pageRef.current = Math.max(1, height - 10);
  // Every key while the wizard is open, Ctrl-C too: it asks before answers are thrown away.
  useKeypress(
    (name) => {
      dispatch({ type: 'key', name, pageSize: pageRef.current });
      return true;
    },
    { priority: KEY_PRIORITY.overlay },
  );
  useMembersLoad(state, dispatch, session.api);

  useEffect(() => {
    if (state.cancelled) appDispatch({ type: 'wizardClosed' });
  }, [state.cancelled, appDispatch]);
  useEffect(() => {
    if (state.quit) appDispatch({ type: 'quitRequested' });
  }, [state.quit, appDispatch]);

  // One request per submit: the effect runs again only for a new submit, not when something else
  // changes meanwhile (the members list answering late used to send the same hook twice).
  const submitted = useRef(state);
  submitted.current = state;
  useEffect(() => {
    if (state.submitSerial === 0) return;
    const now = submitted.current;
    const input =
      context.kind === 'webhook'
        ? { kind: 'webhook' as const, body: webhookInputOf(now) }
        : { kind: 'email' as const, body: emailHookInputOf(now) };
    session
      .saveHook(context.ownerId, now.hookId, input)
      .then((saved) => appDispatch({ type: 'hookSaved', hook: saved, created: !now.hookId }))
      .catch((error: unknown) => dispatch({ type: 'submitFailed', message: errorText(error) }));
  }, [state.submitSerial, context, session, appDispatch, dispatch]);

  const what = context.kind === 'webhook' ? 'a webhook' : 'an e-mail hook';
  // The url and format steps of one URL of a list are part of the URLs step.
  const shownStep = state.editingUrl !== undefined ? 'urls' : state.step;
  const stepIndex = state.steps.indexOf(shownStep);
  const inner = Math.max(20, width - 4);
  const body = Math.max(3, height - 6);
  // A refusal or a hint wraps (a narrow terminal would cut its end); the step below gets the rest.
  const message = state.confirmDiscard
    ? discardQuestion(state.confirmDiscard)
    : state.problem
      ? `✗ ${state.problem}`
      : state.note;
  const tone = state.confirmDiscard
    ? theme.status.warning
    : state.problem
      ? theme.status.error
      : theme.status.info;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box
        flexDirection="column"
        borderStyle="round"
        paddingX={1}
        height={height - 1}
        width={width}
        overflow="hidden"
      >
        <Text {...theme.text.heading} wrap="truncate">
          {`${state.mode === 'add' ? 'Add' : 'Edit'} ${what} for ${context.ownerName}`}
          <Text {...theme.text.secondary}>{`  step ${stepIndex + 1} of ${state.steps.length}: `}</Text>
          {STEP_TITLES[shownStep]}
        </Text>
        <Text wrap="truncate" {...theme.text.secondary}>
          {state.steps.map((s, i) => (i === stepIndex ? `[${STEP_TITLES[s]}]` : STEP_TITLES[s])).join(' › ')}
        </Text>
        <Box flexDirection="column" marginTop={1} height={body} overflow="hidden">
          {message && (
            <Text {...tone} wrap="wrap">
              {message}
            </Text>
          )}
          <StepView state={state} width={inner} height={body - Math.max(1, wrappedLines(message, inner))} />
        </Box>
      </Box>
      <Footer width={width} hints={hintsOf(stepKeyMaps(state))} />
    </Box>
  );
}
