'use client';
/**
 * A plain textarea that takes typing at once, while Monaco (~700 KiB gzip) is still on its way.
 * Its text, cursor, scroll and undo history live in an EarlyText, so Monaco can take everything
 * over. It is one and the same textarea element for the whole wait: when the workbench arrives
 * and renders it in its own place, the element moves there (in the same commit, so neither the
 * learner nor a script holding it sees it go), and gets its focus back.
 * Undo is ours, not the browser's: a textarea whose value is set by script loses its own history.
 * On the first lesson that element is the one the page's HTML brought (prefilled-editor.ts): it
 * is adopted with what was typed into it before any script ran, as one undo step.
 * A paste is ours too (see onPaste): the browser's own insertion of a long text into a textarea
 * takes seconds.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatBytes } from '@/lib/format';
import { LIMITS } from '@/lib/limits';
import type { EarlyText, TextState } from './early-text';
import { HAD_FOCUS_ATTRIBUTE } from './PrefilledEditor';
import { wantMonaco } from './monaco-loader';
import styles from './workbench.module.css';

interface EarlyEditorProps {
  store: EarlyText;
  label: string;
  className?: string;
  /** Called after each change of the text (typing, undo, redo), not for cursor moves. */
  onText?: (text: string) => void;
  /** A textarea already on the page (the prefilled editor) to use instead of a new one. */
  adopt?: HTMLTextAreaElement;
}

const elements = new WeakMap<EarlyText, HTMLTextAreaElement>();
/** Who hears of a refused paste: the EarlyEditor on screen (the textarea outlives it). */
const refusedListeners = new WeakMap<EarlyText, (refused: RefusedPaste) => void>();

/** A paste the plain editor did not take: the text it would have made. */
export interface RefusedPaste {
  chars: number;
  lines: number;
}

/** The plain editor holds at most what the workbench analyses live (LIMITS.live). */
const { lines: MAX_LINES, chars: MAX_CHARS } = LIMITS.live;

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Puts the caret's line in view: a textarea scrolls to the caret on typing, not when a script
 * sets its text. Lines are the CSS line height apart (the plain editor does not wrap).
 */
function revealCaret(el: HTMLTextAreaElement): void {
  const style = getComputedStyle(el);
  const lineHeight = parseFloat(style.lineHeight) || 19;
  const line = lineCount(el.value.slice(0, el.selectionEnd)) - 1;
  const top = line * lineHeight + (parseFloat(style.paddingTop) || 0);
  if (top < el.scrollTop || top + lineHeight > el.scrollTop + el.clientHeight)
    el.scrollTop = Math.max(0, top - el.clientHeight / 2);
}

/**
 * Chromium inserts a pasted text into a textarea through its editing commands, line by line: a
 * 1 MB paste (12,000 lines) held the page for 1.3–1.8 s in one task (`npm run bench:paste`, the
 * plain-editor line), and laying out that much text takes another 160 ms. So the paste is applied
 * here, as one replacement of the selection (one undo step, as the browser's own), and a text
 * over the live-analysis cap is not taken at all: the full editor, asked for now, takes it.
 */
function onPaste(store: EarlyText, el: HTMLTextAreaElement, event: ClipboardEvent): void {
  // A textarea keeps line breaks as \n only, whatever was pasted.
  const pasted = event.clipboardData?.getData('text/plain').replace(/\r\n?/g, '\n');
  if (!pasted || el.readOnly) return;
  event.preventDefault();
  const { selectionStart: start, selectionEnd: end, value } = el;
  const chars = value.length - (end - start) + pasted.length;
  const lines = lineCount(value) - lineCount(value.slice(start, end)) + lineCount(pasted);
  if (chars > MAX_CHARS || lines > MAX_LINES) {
    wantMonaco();
    refusedListeners.get(store)?.({ chars, lines });
    return;
  }
  el.setRangeText(pasted, start, end, 'end');
  revealCaret(el);
  store.input(
    { text: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd },
    false,
    performance.now(),
  );
}

/**
 * Takes over the page's prefilled textarea. Typed into before the page had loaded (its text is
 * no longer the one the HTML brought), on top of the store's own starting text, the typing
 * becomes the store's first undo step and stays on screen, cursor and all; otherwise the
 * textarea shows the store's text (what LessonView decided to open: a saved draft, the start).
 */
function adoptTextarea(store: EarlyText, el: HTMLTextAreaElement): void {
  const isTyped = el.value !== el.defaultValue;
  if (isTyped && store.text === el.defaultValue)
    store.input(
      { text: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd },
      false,
      performance.now(),
    );
  else if (el.value !== store.text) el.value = store.text;
  else store.select(el.selectionStart, el.selectionEnd);
  store.hasFocus = document.activeElement === el || el.hasAttribute(HAD_FOCUS_ATTRIBUTE);
  el.removeAttribute(HAD_FOCUS_ATTRIBUTE);
  store.scrollTop = el.scrollTop;
  if (store.hasFocus) store.lastActivityAt = performance.now();
  el.readOnly = false;
  el.removeAttribute('aria-busy');
  el.removeAttribute('id');
}

/** The store's textarea (`adopt`, else a new one), set up once with its listeners. */
function textareaFor(store: EarlyText, adopt?: HTMLTextAreaElement): HTMLTextAreaElement {
  const existing = elements.get(store);
  if (existing) return existing;
  const el = adopt ?? document.createElement('textarea');
  if (adopt) adoptTextarea(store, adopt);
  else {
    el.dataset.earlyEditor = '';
    el.spellcheck = false;
    el.wrap = 'off';
    el.setAttribute('autocapitalize', 'off');
    el.setAttribute('autocomplete', 'off');
    el.setAttribute('autocorrect', 'off');
    el.value = store.text;
  }
  const show = (state: TextState | undefined) => {
    if (!state) return;
    el.value = state.text;
    el.setSelectionRange(state.selectionStart, state.selectionEnd);
  };
  el.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    const isUndo = key === 'z' && !event.shiftKey;
    const isRedo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
    if (!isUndo && !isRedo) return;
    event.preventDefault();
    show(isUndo ? store.undo() : store.redo());
  });
  el.addEventListener('beforeinput', (event) => {
    // Undo and redo from a menu or a gesture arrive as input types: they are ours too.
    if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
    event.preventDefault();
    show(event.inputType === 'historyUndo' ? store.undo() : store.redo());
  });
  el.addEventListener('paste', (event) => onPaste(store, el, event));
  el.addEventListener('input', (event) => {
    const type = (event as InputEvent).inputType;
    store.input(
      { text: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd },
      type === 'insertText' || type === 'deleteContentBackward',
      performance.now(),
    );
  });
  el.addEventListener('select', () => store.select(el.selectionStart, el.selectionEnd));
  el.addEventListener('keyup', () => store.select(el.selectionStart, el.selectionEnd));
  el.addEventListener('mouseup', () => store.select(el.selectionStart, el.selectionEnd));
  el.addEventListener('scroll', () => {
    store.scrollTop = el.scrollTop;
  });
  el.addEventListener('focus', () => {
    store.hasFocus = true;
  });
  el.addEventListener('blur', () => {
    // Moved to its new place, it is focused again at once: that was no blur by the learner.
    setTimeout(() => {
      if (document.activeElement !== el) store.hasFocus = false;
    });
  });
  const active = () => {
    store.lastActivityAt = performance.now();
  };
  for (const type of ['keydown', 'pointerdown', 'focus', 'input', 'paste'])
    el.addEventListener(type, active);
  // A pointer over the text, its focus or a key in it: the learner is about to use the editor.
  for (const type of ['pointerenter', 'pointermove', 'pointerdown', 'focus', 'keydown'])
    el.addEventListener(type, wantMonaco, { passive: true });
  if (store.hasFocus || document.activeElement === el) wantMonaco();
  elements.set(store, el);
  return el;
}

export function EarlyEditor({ store, label, className, onText, adopt }: EarlyEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const onTextRef = useRef(onText);
  const [refused, setRefused] = useState<RefusedPaste>();
  useEffect(() => {
    onTextRef.current = onText;
  });

  // Before paint: the textarea is in its place, focused again if it was.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const el = textareaFor(store, adopt);
    el.className = className ?? '';
    el.setAttribute('aria-label', label);
    if (el.parentElement !== host) {
      host.appendChild(el);
      el.scrollTop = store.scrollTop;
      if (store.hasFocus && !store.isTakenOver) {
        el.focus({ preventScroll: true });
        el.setSelectionRange(store.selection.start, store.selection.end);
      }
    }
  }, [store, className, label, adopt]);

  useEffect(() => store.subscribe(() => onTextRef.current?.(store.text)), [store]);

  useEffect(() => {
    refusedListeners.set(store, setRefused);
    // The next edit means the learner has moved on from the refused paste.
    const unsubscribe = store.subscribe(() => setRefused(undefined));
    return () => {
      unsubscribe();
      if (refusedListeners.get(store) === setRefused) refusedListeners.delete(store);
    };
  }, [store]);

  return (
    <>
      <div ref={hostRef} style={{ display: 'contents' }} />
      {refused && (
        <p role="alert" className={styles.editorPasteRefused}>
          Not pasted: that would make {refused.lines.toLocaleString('en')} lines (
          {formatBytes(refused.chars)}), more than this plain editor takes while the full editor
          loads ({MAX_LINES.toLocaleString('en')} lines or {formatBytes(MAX_CHARS)}). Your text is
          unchanged. Paste again in a moment, once the full editor is here.
        </p>
      )}
    </>
  );
}
