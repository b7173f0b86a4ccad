// Reading and writing the small text files of a command's start (credentials, the linked app, the
// embedded sandbox's env file) through node:fs's callbacks: imported as an ES module, node:fs/promises
// costs its own modules and namespace at every start (docs/performance.md, "Builtins a command does
// not need").
import { readFile, rm, writeFile } from 'node:fs';

/** The file's text, read as UTF-8. */
export function readText(path: string): Promise<string> {
  return new Promise((resolve, reject) =>
    readFile(path, 'utf8', (error, text) => (error ? reject(error) : resolve(text))),
  );
}

export function writeText(path: string, text: string, options: { mode: number }): Promise<void> {
  return new Promise((resolve, reject) =>
    writeFile(path, text, options, (error) => (error ? reject(error) : resolve())),
  );
}

export function removeFile(path: string, options: { force: boolean }): Promise<void> {
  return new Promise((resolve, reject) => rm(path, options, (error) => (error ? reject(error) : resolve())));
}
