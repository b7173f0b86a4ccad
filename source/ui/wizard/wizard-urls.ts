// The URLs of a webhook that has several: the `urls` step lists them, and each is edited (or a new
// one added) through the url and format steps, then written back into the list.
import { fullMaskedUrl } from '../../domain/masking.js';
import type { WebhookUrl } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import { goTo } from './wizard-navigation.js';
import type { WizardState } from './wizard-state.js';

/** A URL as the wizard's notes name it: its format and its address, secrets masked, a long one cut. */
export function urlLabel(url: WebhookUrl): string {
  const text = safeText(fullMaskedUrl(url.url));
  const chars = [...text];
  return `${url.format} ${chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : text}`;
}

/** e, a and d of the `urls` step. */
export function changeUrls(state: WizardState, change: 'edit' | 'add' | 'remove'): WizardState {
  const { urls, urlCursor } = state;
  if (change === 'add') {
    const format = urls.at(-1)?.format ?? 'raw';
    return goTo({ ...state, editingUrl: urls.length, url: '', format, formatTouched: false }, 'url');
  }
  const current = urls[urlCursor];
  if (!current) return state;
  if (change === 'edit') {
    return goTo(
      { ...state, editingUrl: urlCursor, url: current.url, format: current.format, formatTouched: true },
      'url',
    );
  }
  if (urls.length <= 1) {
    return { ...state, problem: 'A webhook needs at least one URL: edit this one (e) instead.' };
  }
  const rest = urls.filter((_, i) => i !== urlCursor);
  return {
    ...state,
    urls: rest,
    urlCursor: Math.min(urlCursor, rest.length - 1),
    problem: undefined,
    note: `Removed URL ${urlCursor + 1}: ${urlLabel(current)}. It is gone once you save.`,
  };
}

/** The format step of a URL of the list accepted: the URL takes its place in the list. */
export function commitUrl(state: WizardState, note: string | undefined): WizardState {
  const index = state.editingUrl ?? state.urls.length;
  const url: WebhookUrl = { url: state.url, format: state.format };
  const urls = [...state.urls];
  const was = urls[index];
  urls[index] = url;
  const said =
    was === undefined
      ? `Added URL ${index + 1}: ${urlLabel(url)}.`
      : was.url === url.url && was.format === url.format
        ? `URL ${index + 1} is unchanged.`
        : `URL ${index + 1} is now ${urlLabel(url)}.`;
  return {
    ...goTo(backToList({ ...state, urls }), 'urls'),
    urlCursor: index,
    note: note ? `${said} ${note}` : said,
  };
}

/** Esc on the url step of a URL of the list: back to the list, that URL as it was. */
export function leaveUrlEdit(state: WizardState): WizardState {
  const index = state.editingUrl ?? state.urls.length;
  const was = state.urls[index];
  const typed = state.url.trim();
  const dropped =
    typed !== '' && typed !== was?.url
      ? `${was ? `URL ${index + 1} is unchanged` : 'No URL was added'} (Esc): e or a to try again.`
      : undefined;
  return { ...goTo(backToList(state), 'urls'), note: dropped };
}

function backToList(state: WizardState): WizardState {
  return { ...state, editingUrl: undefined, url: '', format: state.urls[0]?.format ?? 'raw' };
}
