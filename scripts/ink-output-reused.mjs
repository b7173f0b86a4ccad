import { readFile } from 'node:fs/promises';

// Ink draws every frame whole. `Output.get` starts from a grid of blank cells, one new object per
// cell of the terminal, then turns each line of text it was given into styled characters (ANSI
// tokenising, one object per character), which it keeps for that frame only: a frame redraws the
// borders, the header, the footer and the rows that did not change from scratch. Ink only reads
// these objects once made (a cell is replaced, never changed), so the build makes Ink reuse them:
// one blank cell for the whole grid, and the styled characters of a line kept across frames in a
// bounded cache of two generations (a line not met for a whole generation is dropped). Same frames,
// less allocated per key, so fewer collections and less promoted to the old generation
// (docs/performance.md has the measurement). Checked on every build: an Ink whose output is made
// otherwise fails the build.
const replacements = [
  {
    what: 'the styled characters cached per frame',
    from: `    styledChars = new Map();
    getStyledChars(line) {
        let cached = this.styledChars.get(line);
        if (cached === undefined) {
            cached = styledCharsFromTokens(tokenize(line));
            this.styledChars.set(line, cached);
        }
        return cached;
    }`,
    to: `    getStyledChars(line) {
        let cached = keptLines.current.get(line);
        if (cached === undefined) {
            cached = keptLines.previous.get(line) ?? styledCharsFromTokens(tokenize(line));
            if (keptLines.current.size >= KEPT_LINES) {
                keptLines.previous = keptLines.current;
                keptLines.current = new Map();
            }
            keptLines.current.set(line, cached);
        }
        return cached;
    }`,
  },
  {
    what: 'a new blank cell for each cell of the grid',
    from: `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
    to: '                row.push(BLANK_CELL);',
  },
  {
    what: 'one OutputCaches class',
    from: 'class OutputCaches {',
    to: `const KEPT_LINES = 512;
const keptLines = { current: new Map(), previous: new Map() };
const BLANK_CELL = { type: 'char', value: ' ', fullWidth: false, styles: [] };
class OutputCaches {`,
  },
];

export const inkOutputReused = {
  name: 'ink-output-reused',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const { what, from, to } of replacements) {
        if (source.split(from).length !== 2)
          throw new Error(
            `${args.path}: Ink's output no longer has ${what} as expected; see inkOutputReused`,
          );
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
