import { describe, expect, it } from 'vitest';
import { diffText, EarlyText, MERGE_TYPING_MS, type TextEdit } from './early-text';

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

const at = (text: string) => ({ text, selectionStart: text.length, selectionEnd: text.length });

describe('diffText', () => {
  it('finds the one replacement between two texts', () => {
    expect(diffText('FROM node\n', 'FROM node:20\n')).toEqual({ start: 9, end: 9, text: ':20' });
    expect(diffText('abcdef', 'abef')).toEqual({ start: 2, end: 4, text: '' });
    expect(diffText('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
    expect(diffText('', 'x')).toEqual({ start: 0, end: 0, text: 'x' });
  });

  it('turns any text into any other', () => {
    const pairs = [
      ['RUN apt-get update', 'RUN apt-get update && rm -rf /var/lib/apt/lists/*'],
      ['abc', 'xyz'],
      ['same', 'same'],
      ['a\nb\nc', 'a\nc'],
    ];
    for (const [before, after] of pairs) expect(apply(before, diffText(before, after))).toBe(after);
  });
});

describe('EarlyText', () => {
  it('joins quick typing into one undo step and undoes back to the start', () => {
    const t = new EarlyText('FROM a');
    t.input(at('FROM ab'), true, 0);
    t.input(at('FROM abc'), true, 100);
    t.input(at('FROM abc\n'), false, 200);
    expect(t.text).toBe('FROM abc\n');
    expect(t.undo()?.text).toBe('FROM abc');
    expect(t.undo()?.text).toBe('FROM a');
    expect(t.undo()).toBeUndefined();
    expect(t.redo()?.text).toBe('FROM abc');
  });

  it('starts a new undo step after a pause in typing', () => {
    const t = new EarlyText('');
    t.input(at('a'), true, 0);
    t.input(at('ab'), true, MERGE_TYPING_MS + 1);
    expect(t.undo()?.text).toBe('a');
  });

  it('gives the history as edits that rebuild the text, redo included', () => {
    const t = new EarlyText('FROM node\n');
    t.input(at('FROM node:20\n'), false, 0);
    t.input(at('FROM node:20\nRUN x\n'), false, 10);
    t.input(at('FROM node:20-slim\nRUN x\n'), false, 20);
    t.undo();
    const { done, undone } = t.history();
    expect(done).toHaveLength(2);
    expect(undone).toHaveLength(1);
    let text = t.initial;
    for (const edit of done) text = apply(text, edit);
    expect(text).toBe(t.text);
    for (const edit of undone) text = apply(text, edit);
    expect(text).toBe('FROM node:20-slim\nRUN x\n');
  });

  it('drops the redo steps when something new is typed', () => {
    const t = new EarlyText('a');
    t.input(at('ab'), false, 0);
    t.undo();
    t.input(at('ac'), false, 10);
    expect(t.redo()).toBeUndefined();
    expect(t.history().undone).toHaveLength(0);
    expect(t.isEdited).toBe(true);
  });
});
