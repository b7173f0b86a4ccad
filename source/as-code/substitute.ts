// `${VAR}` in any value of the file is replaced by the environment variable VAR when the file is
// planned or applied, so that secrets stay out of version control. `$${` writes a literal `${`.
// Pure: the environment is a parameter.
import { UserError } from '../domain/errors.js';

const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where in the file a value is, for messages: `owners[1].webhooks[0].urls[0].url`. */
export type ValuePath = readonly (string | number)[];

export function pathText(path: ValuePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

interface Problem {
  path: ValuePath;
  message: string;
}

/** One string: its references replaced, or the problems found (an unset variable, a bad reference). */
function substituteString(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  path: ValuePath,
  problems: Problem[],
): string {
  if (!text.includes('$')) return text;
  return text.replace(REFERENCE, (match, name: string | undefined) => {
    if (match === '$${') return '${';
    if (!match.endsWith('}') || name === undefined || !VARIABLE_NAME.test(name)) {
      problems.push({
        path,
        message: `"${match}" is not a variable reference: write \${NAME} (letters, digits, _), or $\${ for a literal \${`,
      });
      return match;
    }
    const value = env[name];
    if (value === undefined) {
      problems.push({ path, message: `the environment variable ${name} is not set` });
      return match;
    }
    return value;
  });
}

function walk(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  path: ValuePath,
  problems: Problem[],
): unknown {
  if (typeof value === 'string') return substituteString(value, env, path, problems);
  if (Array.isArray(value)) return value.map((item, i) => walk(item, env, [...path, i], problems));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, walk(item, env, [...path, key], problems)]),
    );
  }
  return value;
}

/**
 * Every string value of `document` with its `${VAR}` references replaced (keys are left as they
 * are). Every unset variable is reported at once, each with where it is used.
 */
export function substituteVariables(
  document: unknown,
  env: Readonly<Record<string, string | undefined>>,
): unknown {
  const problems: Problem[] = [];
  const result = walk(document, env, [], problems);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${pathText(p.path)}: ${p.message}`);
    throw new UserError(
      problems.length === 1 ? lines[0]! : `${problems.length} problems:\n  ${lines.join('\n  ')}`,
    );
  }
  return result;
}

/** A value from the API written into the file: a `${` in it must not be read back as a reference. */
export function escapeReferences(text: string): string {
  return text.replaceAll('${', () => '$${');
}
