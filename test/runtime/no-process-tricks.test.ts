// The performance targets are met without changing V8 while the process runs, without forcing
// garbage collections, and without reaching into a library's files (docs/performance.md): this test
// reads every module of source/ and fails on any of the three.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve('source');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) ? [file] : [];
  });
}

/** Whether `subpath` (`./x`) is one that `exports` of the package's package.json makes public. */
function exported(exportsField: unknown, subpath: string): boolean {
  if (typeof exportsField !== 'object' || exportsField === null) return false;
  return Object.keys(exportsField).some((key) => {
    if (!key.startsWith('.')) return false;
    const star = key.indexOf('*');
    if (star < 0) return key === subpath;
    return subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1));
  });
}

function packageExports(name: string): unknown {
  const manifest = JSON.parse(readFileSync(path.resolve('node_modules', name, 'package.json'), 'utf8'));
  return manifest.exports;
}

/** What in `text` sets V8 flags, reaches `gc`, or imports a file inside a package: one line each. */
function tricks(fileName: string, text: string, exportsOf = packageExports): string[] {
  const found: string[] = [];
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node) =>
    `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === 'setFlagsFromString') {
      found.push(`${where(node)}: setFlagsFromString`);
    }
    if (ts.isStringLiteralLike(node) && /expose[-_]gc|allow[-_]natives[-_]syntax/.test(node.text)) {
      found.push(`${where(node)}: ${node.text}`);
    }
    // `gc()`, `global.gc()`, `globalThis.gc?.()`, or `gc` fetched by name from a new context.
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        (ts.isIdentifier(callee) && callee.text === 'gc') ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 'gc')
      ) {
        found.push(`${where(node)}: calls gc`);
      }
      const first = node.arguments[0];
      if (first && ts.isStringLiteralLike(first) && first.text.trim() === 'gc') {
        found.push(`${where(node)}: evaluates gc`);
      }
    }
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) &&
            node.expression.kind === ts.SyntaxKind.ImportKeyword &&
            node.arguments[0] &&
            ts.isStringLiteralLike(node.arguments[0])
          ? node.arguments[0].text
          : ts.isImportTypeNode(node) &&
              ts.isLiteralTypeNode(node.argument) &&
              ts.isStringLiteral(node.argument.literal)
            ? node.argument.literal.text
            : undefined;
    if (specifier && !specifier.startsWith('.') && !specifier.startsWith('node:')) {
      const parts = specifier.split('/');
      const nameLength = specifier.startsWith('@') ? 2 : 1;
      const name = parts.slice(0, nameLength).join('/');
      const rest = parts.slice(nameLength).join('/');
      if (rest && !exported(exportsOf(name), `./${rest}`)) {
        found.push(`${where(node)}: imports ${specifier}, a file inside ${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('source/ starts honestly', () => {
  it('sets no V8 flag at run time, forces no collection and imports no library file', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => tricks(path.relative('.', file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches each of them', () => {
    const exportsOf = (name: string) =>
      name === 'zod' ? { '.': {}, './mini': {}, './v4/locales/*': {} } : undefined;
    const bad = [
      "import { setFlagsFromString } from 'node:v8';",
      "import v8 from 'node:v8'; v8.setFlagsFromString('--liftoff-only');",
      "const flag = '--expose-gc';",
      "const collect = vm.runInNewContext('gc'); collect();",
      'globalThis.gc?.();',
      "import apiRequest from 'undici/lib/api/api-request.js';",
      "const errors = await import('undici/lib/core/errors.js');",
      "export { x } from 'zod/v4/classic/schemas.js';",
      "type Agent = import('undici/types/agent').default;",
    ];
    for (const snippet of bad) expect(tricks('x.ts', snippet, exportsOf), snippet).toHaveLength(1);
    const fine = [
      "import { request } from 'undici';",
      "import * as z from 'zod/mini';",
      "import en from 'zod/v4/locales/en.js';",
      "import http from 'node:http';",
      "import { x } from './gc.js';",
      'const gcTime = stats.gc;',
    ];
    for (const snippet of fine) expect(tricks('x.ts', snippet, exportsOf), snippet).toEqual([]);
  });
});
