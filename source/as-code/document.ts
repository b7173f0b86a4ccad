// The notifications file as text: YAML (JSON is read as the YAML it also is), its variables
// substituted, then checked by the file's schema. Writing gives YAML, or JSON for a `.json` path,
// both pointing editors at the JSON Schema.
import { readFile } from 'node:fs/promises';
import { Document, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { UserError } from '../domain/errors.js';
import { safeText } from '../domain/terminal-text.js';
import { NotificationsFile, SCHEMA_URL } from './file-schema.js';
import { pathText, substituteVariables } from './substitute.js';
import { duplicateNames, fileProblems } from './to-api.js';

export type DocumentFormat = 'yaml' | 'json';

export function formatForPath(path: string | undefined): DocumentFormat {
  return path?.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

const MAX_ISSUES = 8;

/**
 * The file from its text. `source` names it in messages. Unset variables, a shape the schema
 * refuses, and two hooks of one owner with the same name are errors, all found without a request.
 */
export function parseNotifications(
  text: string,
  source: string,
  env: Readonly<Record<string, string | undefined>>,
): NotificationsFile {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) throw new UserError(`${safeText(source)}: ${error.message.split('\n')[0]!.replace(/:$/, '')}`);
  let substituted: unknown;
  try {
    substituted = substituteVariables(document.toJS(), env);
  } catch (error) {
    throw new UserError(`${safeText(source)}: ${(error as Error).message}`);
  }
  const parsed = NotificationsFile.safeParse(substituted);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => {
      const where = issue.path.length > 0 ? `${pathText(issue.path as (string | number)[])}: ` : '';
      return `${where}${issue.message}`;
    });
    const more =
      parsed.error.issues.length > MAX_ISSUES
        ? `\n  (and ${parsed.error.issues.length - MAX_ISSUES} more)`
        : '';
    throw new UserError(
      `${safeText(source)} is not a notifications file:\n  ${issues.map((i) => safeText(i)).join('\n  ')}${more}`,
    );
  }
  const duplicates = duplicateNames(parsed.data);
  if (duplicates.length > 0) throw fileProblems(duplicates);
  return parsed.data;
}

/** `-` reads standard input. */
export async function readNotifications(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<NotificationsFile> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : (error as Error).message;
    throw new UserError(`cannot read ${safeText(path)}: ${reason}`);
  }
  return parseNotifications(text, path === '-' ? 'standard input' : path, env);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const HEADER = [
  '# Clever Cloud notifications, as code. `clever-notify plan -f FILE` shows what differs,',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the file's own syntax for a variable
  '# `clever-notify apply -f FILE` makes it so. ${VAR} is replaced by the environment variable VAR.',
];

const FLOW_LISTS = new Set(['events', 'apps', 'addons']);

export function formatNotifications(file: NotificationsFile, format: DocumentFormat): string {
  const { $schema: _ignored, ...content } = file;
  if (format === 'json') return `${JSON.stringify({ $schema: SCHEMA_URL, ...content }, null, 2)}\n`;
  const document = new Document(content);
  // Lists of short names read best on one line: `events: [META_DEPLOYMENT_RESULT, APPLICATION_STOP]`.
  visit(document, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && FLOW_LISTS.has(String(pair.key.value)) && isSeq(pair.value))
        pair.value.flow = true;
    },
  });
  // lineWidth 0: a long URL stays on one line, as it is copied from and to other places.
  const yaml = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return [...HEADER, `# yaml-language-server: $schema=${SCHEMA_URL}`, yaml].join('\n');
}
