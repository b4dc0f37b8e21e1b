/**
 * The text the learner types before Monaco has loaded (a plain textarea, see EarlyEditor.tsx),
 * with its own undo history, so Monaco can take over the text, the cursor and every undo step.
 * No DOM here: the textarea component feeds it and reads it back.
 */

export interface TextState {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** One replacement that turns one text into the next: `[start, end)` of the old text → `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Typing within this many ms of the previous keystroke joins its undo step (as browsers do). */
export const MERGE_TYPING_MS = 1000;

/** The smallest single replacement from `before` to `after` (common prefix and suffix kept). */
export function diffText(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

export class EarlyText {
  /** Undo steps: `states[0]` is the text the editor opened with. */
  private states: TextState[];
  private index = 0;
  private lastTypingAt = -Infinity;
  private listeners = new Set<() => void>();
  /** The live cursor (it moves without changing the text). */
  selection: { start: number; end: number };
  /** Whether the textarea had the keyboard focus when it was last on screen. */
  hasFocus = false;
  /** Scroll offset of the textarea, for the editor that takes over. */
  scrollTop = 0;
  /** performance.now() of the learner's last key, click or focus in the textarea. */
  lastActivityAt = -Infinity;
  /** True once the full editor has taken the text over: no one types here any more. */
  isTakenOver = false;

  constructor(readonly initial: string) {
    this.states = [{ text: initial, selectionStart: 0, selectionEnd: 0 }];
    this.selection = { start: 0, end: 0 };
  }

  get text(): string {
    return this.states[this.index].text;
  }

  /** Whether anything was typed (the text differs from the one the editor opened with). */
  get isEdited(): boolean {
    return this.text !== this.initial;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Records the textarea's new text after an input event. Consecutive typing (`isTyping`) within
   * MERGE_TYPING_MS joins the previous undo step; anything else starts a new one.
   */
  input(state: TextState, isTyping: boolean, now: number): void {
    if (state.text === this.text) {
      this.select(state.selectionStart, state.selectionEnd);
      return;
    }
    const merge = isTyping && this.index > 0 && now - this.lastTypingAt < MERGE_TYPING_MS;
    this.lastTypingAt = isTyping ? now : -Infinity;
    this.states.length = this.index + 1;
    if (merge) this.states[this.index] = state;
    else {
      this.states.push(state);
      this.index++;
    }
    this.select(state.selectionStart, state.selectionEnd);
    this.emit();
  }

  select(start: number, end: number): void {
    this.selection = { start, end };
  }

  /** Steps back; returns the state to show, or undefined when there is nothing to undo. */
  undo(): TextState | undefined {
    if (this.index === 0) return undefined;
    this.index--;
    return this.moved();
  }

  redo(): TextState | undefined {
    if (this.index >= this.states.length - 1) return undefined;
    this.index++;
    return this.moved();
  }

  private moved(): TextState {
    this.lastTypingAt = -Infinity;
    const state = this.states[this.index];
    this.select(state.selectionStart, state.selectionEnd);
    this.emit();
    return state;
  }

  /**
   * The history as edits for the editor that takes over: `done` turn the initial text into the
   * current one, one undo step each; `undone` (applied after `done`, then undone) keep redo.
   */
  history(): { done: TextEdit[]; undone: TextEdit[] } {
    const edits: TextEdit[] = [];
    for (let i = 1; i < this.states.length; i++)
      edits.push(diffText(this.states[i - 1].text, this.states[i].text));
    return { done: edits.slice(0, this.index), undone: edits.slice(this.index) };
  }
}
