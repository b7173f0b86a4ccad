// The welcome's paragraphs are broken at words for the box's width: a word that ends exactly at the
// edge (the sandbox's default address does at 120 columns) must not push a space to the next line.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Welcome } from '../../source/ui/welcome/welcome.js';

/** The lines inside the box's border, without the border and its padding. */
function textLines(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) => line.slice(3, -1).trimEnd())
    .filter((line) => line.length > 0);
}

describe('the welcome', () => {
  for (const [width, apiHost] of [
    [120, 'http://127.0.0.1:7357'],
    [80, 'http://127.0.0.1:7357'],
    [120, 'http://127.0.0.1:40123'],
  ] as const) {
    it(`keeps every line flush left at ${width} columns with ${apiHost}`, () => {
      const { lastFrame, unmount } = render(<Welcome width={width} height={36} apiHost={apiHost} />);
      const lines = textLines(lastFrame() ?? '');
      unmount();
      expect(lines.join(' ')).toContain(`API at ${apiHost}, with a demo user`);
      for (const line of lines) if (!line.startsWith('  •')) expect(line, line).not.toMatch(/^ /);
    });
  }
});
