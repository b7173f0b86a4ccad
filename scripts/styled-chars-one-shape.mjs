import { readFile } from 'node:fs/promises';

// Ink draws each frame through @alcalzone/ansi-tokenize, whose `styledCharsFromTokens` copies every
// character token as `{ ...token, styles }`. On Node 20's V8, once that loop is hot, such a copy gets
// a hidden class (a V8 map) of its own for each character, and maps live in the old generation: the
// TUI's old generation grew by tens of MB over 100 keys, a frame per key, until V8's next full
// collection. A character token from `tokenize` has exactly `type`, `value` and `fullWidth`: the build
// writes those three fields out, which gives every styled character the same object, in one shared
// map (docs/performance.md has the measurement). Checked on every build: a version that copies
// otherwise fails the build.
export const styledCharsOneShape = {
  name: 'styled-chars-one-shape',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const copy = /ret\.push\(\{\s*\.\.\.token,\s*styles: \[\.\.\.codes\],\s*\}\);/g;
        const found = source.match(copy)?.length ?? 0;
        if (found !== 1)
          throw new Error(
            `${args.path}: the styled characters are no longer copied as "{ ...token, styles }"; see styledCharsOneShape`,
          );
        return {
          contents: source.replace(
            copy,
            'ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: [...codes] });',
          ),
          loader: 'js',
        };
      },
    );
  },
};
