import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Every width the bundle computes goes through source/domain/text-width.ts, which answers as
// string-width does and calls it only for texts whose characters may join into larger grapheme
// clusters (docs/performance.md, "Text widths"). Two steps at build time, nothing at run time:
// - `string-width`, imported by Ink and the text libraries it uses (cli-truncate, widest-line,
//   wrap-ansi's own older copy), resolves to that module; the module itself gets the real one.
// - string-width builds an Intl.Segmenter and its emoji regular expression when it is first used
//   rather than when it is loaded. Each replacement is exact and checked on every build: a
//   string-width that reads otherwise fails the build.
const textWidth = fileURLToPath(new URL('../source/domain/text-width.ts', import.meta.url));
const lazily = [
  ['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
  ['segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
  ['rgiEmojiRegex.test(segment)', '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment)'],
];

export const stringWidthOnce = {
  name: 'string-width-once',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer === textWidth ? undefined : { path: textWidth },
    );
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const [from, to] of lazily) {
        if (source.split(from).length !== 2)
          throw new Error(`${args.path} no longer reads "${from}" once; see scripts/string-width.mjs`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
