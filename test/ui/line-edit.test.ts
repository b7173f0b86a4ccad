import { describe, expect, it } from 'vitest';
import { parseKeys } from '../../source/ui/keys/key-names.js';
import { editLine, type Line, lineOf } from '../../source/ui/text-field/line-edit.js';
import { visibleSlice } from '../../source/ui/text-field/text-field.js';

function run(line: Line, ...keys: string[]): Line {
  return keys.reduce((l, k) => editLine(l, k) ?? l, line);
}

describe('editing one line', () => {
  it('moves the cursor with ← → Home End ^A ^E and inserts where it stands', () => {
    const line = run(lineOf('hello world'), 'left', 'left', 'left', 'left', 'left', 'X');
    expect(line).toMatchObject({ value: 'hello Xworld', cursor: 7 });
    expect(run(line, 'home', '>')).toMatchObject({ value: '>hello Xworld', cursor: 1 });
    expect(run(line, 'ctrl+a', 'ctrl+e', '!')).toMatchObject({ value: 'hello Xworld!' });
    expect(run(line, 'end', 'right', 'right')).toMatchObject({ cursor: 12 });
    expect(run(lineOf('ab'), 'home', 'left')).toMatchObject({ cursor: 0 });
  });

  it('erases with Backspace, Delete, ^U, ^K and ^W', () => {
    const line = run(lineOf('deploy to ops now'), 'left', 'left', 'left', 'left');
    expect(run(line, 'backspace')).toMatchObject({ value: 'deploy to op now', cursor: 12 });
    expect(run(line, 'delete')).toMatchObject({ value: 'deploy to opsnow', cursor: 13 });
    expect(run(line, 'ctrl+u')).toMatchObject({ value: ' now', cursor: 0 });
    expect(run(line, 'ctrl+k')).toMatchObject({ value: 'deploy to ops', cursor: 13 });
    expect(run(line, 'ctrl+w')).toMatchObject({ value: 'deploy to  now', cursor: 10 });
    expect(run(line, 'left', 'ctrl+w')).toMatchObject({ value: 'deploy to s now', cursor: 10 });
    expect(run(lineOf('x'), 'home', 'backspace')).toMatchObject({ value: 'x', cursor: 0 });
  });

  it('replaces a selected default with the first typed character; editing keys keep it', () => {
    const preset = lineOf('Failures to an HTTP endpoint', true);
    expect(run(preset, 'O', 'p', 's', 'space', 'a')).toMatchObject({ value: 'Ops a', selected: false });
    expect(run(preset, 'backspace')).toMatchObject({ value: 'Failures to an HTTP endpoin', selected: false });
    expect(run(preset, 'left', '!')).toMatchObject({ value: 'Failures to an HTTP endpoin!t' });
  });

  it('inserts a pasted burst at the cursor, character after character', () => {
    const names = parseKeys('new ');
    expect(run(lineOf('my hook'), 'home', ...names)).toMatchObject({ value: 'new my hook', cursor: 4 });
  });

  it('reads a Ctrl key inside a burst ("x" then Ctrl-E typed fast)', () => {
    expect(parseKeys('x\u0005\u0017')).toEqual(['x', 'ctrl+e', 'ctrl+w']);
  });

  it('tells the Delete key from Backspace (Ink 6 reports both as `delete`)', () => {
    expect(parseKeys('\u007F')).toEqual(['backspace']);
    expect(parseKeys('\u001B[3~')).toEqual(['delete']);
  });

  it('keeps the cursor in view when the line is longer than its field', () => {
    const long = lineOf('https://example.com/a/very/long/path/to/the/hook');
    const end = visibleSlice(long, 20);
    expect(`${end.before}${end.at}${end.after}`).toHaveLength(20);
    expect(end.before.startsWith('…')).toBe(true);
    const start = visibleSlice(run(long, 'home'), 20);
    expect(start).toMatchObject({ before: '', at: 'h' });
    expect(`${start.before}${start.at}${start.after}`).toHaveLength(20);
    expect(start.after.endsWith('…')).toBe(true);
  });
});
