// How a plan reads on a terminal: per owner, `+` to add, `~` to change (with each changed field,
// before and after), `-` to remove, then what stays. Secrets in URLs are masked; every text from
// outside goes through safeText. Pure.
import { safeText } from '../domain/terminal-text.js';
import type { AccountOwner } from './account.js';
import { type FieldChange, type OwnerPlan, type Step, stepCount, targetKey, urlKey } from './plan.js';
import { maskedUrl } from './secret-url.js';

const NOUN = { webhook: 'webhook', email: 'e-mail hook' } as const;

export function stepTitle(step: Step): string {
  const id = step.action === 'add' ? '' : ` (${safeText(step.hookId)})`;
  return `${NOUN[step.kind]} "${safeText(step.name)}"${id}`;
}

export function ownerTitle(plan: Pick<OwnerPlan, 'owner' | 'fileName'>): string {
  const renamed = plan.fileName ? `, "${safeText(plan.fileName)}" in the file` : '';
  return `${safeText(plan.owner.name)} (${safeText(plan.owner.id)}${renamed})`;
}

function valueText(field: FieldChange['field'], value: string, owner: AccountOwner): string {
  if (field === 'urls') {
    const space = value.indexOf(' ');
    return `${value.slice(0, space)} ${safeText(maskedUrl(value.slice(space + 1)))}`;
  }
  if (field === 'scope') {
    const named = owner.apps.find((a) => a.id === value) ?? owner.addons.find((a) => a.id === value);
    return safeText(named?.name ?? value);
  }
  return safeText(value);
}

const ALL: Record<FieldChange['field'], string> = {
  urls: 'none',
  notified: 'whole team',
  events: 'all events',
  scope: 'all apps and add-ons',
};

function listText(field: FieldChange['field'], values: string[] | null, owner: AccountOwner): string {
  return values === null ? ALL[field] : values.map((v) => valueText(field, v, owner)).join(', ');
}

/** A changed field: the whole list before and after for short lists; what left and came for long ones. */
function changeLines(change: FieldChange, owner: AccountOwner): string[] {
  const { field, before, after } = change;
  if (before === null || after === null || before.length + after.length <= 4) {
    return [`${field}: ${listText(field, before, owner)} → ${listText(field, after, owner)}`];
  }
  const gone = before.filter((v) => !after.includes(v));
  const added = after.filter((v) => !before.includes(v));
  return [
    `${field}:`,
    ...gone.map((v) => `  - ${valueText(field, v, owner)}`),
    ...added.map((v) => `  + ${valueText(field, v, owner)}`),
  ];
}

function addLines(step: Extract<Step, { action: 'add' }>, owner: AccountOwner): string[] {
  const lines: string[] = [];
  if (step.kind === 'webhook') lines.push(`urls: ${listText('urls', step.input.urls.map(urlKey), owner)}`);
  else
    lines.push(
      `notified: ${listText('notified', step.input.notified?.length ? step.input.notified.map(targetKey) : null, owner)}`,
    );
  lines.push(`events: ${listText('events', step.input.events?.length ? step.input.events : null, owner)}`);
  lines.push(`scope: ${listText('scope', step.input.scope?.length ? step.input.scope : null, owner)}`);
  return lines;
}

const MARK = { add: '+', change: '~', remove: '-' } as const;

export function planLines(plans: readonly OwnerPlan[], { prune }: { prune: boolean }): string[] {
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(ownerTitle(plan));
    for (const step of plan.steps) {
      lines.push(`  ${MARK[step.action]} ${step.action} ${stepTitle(step)}`);
      const details =
        step.action === 'add'
          ? addLines(step, plan.owner)
          : step.action === 'change'
            ? step.changes.flatMap((c) => changeLines(c, plan.owner))
            : [];
      for (const line of details) lines.push(`      ${line}`);
    }
    const rest = [`${plan.unchanged} unchanged`];
    if (plan.kept > 0)
      rest.push(`${plan.kept} not in the file, kept${prune ? '' : ' (--prune removes them)'}`);
    lines.push(`  = ${rest.join(', ')}`);
  }
  lines.push(summaryLine(plans));
  return lines;
}

export function summaryLine(plans: readonly OwnerPlan[]): string {
  const count = (action: Step['action']) =>
    plans.reduce((n, p) => n + p.steps.filter((s) => s.action === action).length, 0);
  if (stepCount(plans) === 0) return 'Nothing to do: the hooks match the file.';
  return `Plan: ${count('add')} to add, ${count('change')} to change, ${count('remove')} to remove.`;
}
