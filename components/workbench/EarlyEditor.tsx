'use client';
/**
 * A plain textarea that takes typing at once, while Monaco (~700 KiB gzip) is still on its way.
 * Its text, cursor, scroll and undo history live in an EarlyText, so the textarea can be shown
 * again after a remount (the workbench arriving) and Monaco can take everything over.
 * Undo is ours, not the browser's: a textarea whose value is set by script loses its own history.
 */
import { useLayoutEffect, useRef } from 'react';
import type { EarlyText } from './early-text';

interface EarlyEditorProps {
  store: EarlyText;
  label: string;
  className?: string;
  /** Called after each change of the text (not for cursor moves). */
  onText?: (text: string) => void;
}

export function EarlyEditor({ store, label, className, onText }: EarlyEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);

  // Before paint: the remounted textarea shows the text where the learner left it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.value = store.text;
    el.setSelectionRange(store.selection.start, store.selection.end);
    el.scrollTop = store.scrollTop;
    if (store.hasFocus) el.focus({ preventScroll: true });
  }, [store]);

  function show(state: { text: string; selectionStart: number; selectionEnd: number }) {
    const el = ref.current;
    if (!el) return;
    el.value = state.text;
    el.setSelectionRange(state.selectionStart, state.selectionEnd);
    onText?.(state.text);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    const isUndo = key === 'z' && !event.shiftKey;
    const isRedo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
    if (!isUndo && !isRedo) return;
    event.preventDefault();
    const state = isUndo ? store.undo() : store.redo();
    if (state) show(state);
  }

  return (
    <textarea
      ref={ref}
      className={className}
      data-early-editor=""
      aria-label={label}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      wrap="off"
      defaultValue={store.text}
      onKeyDown={onKeyDown}
      onBeforeInput={(event) => {
        // Undo and redo from a menu or a gesture arrive as input types: they are ours too.
        const type = (event.nativeEvent as InputEvent).inputType;
        if (type !== 'historyUndo' && type !== 'historyRedo') return;
        event.preventDefault();
        const state = type === 'historyUndo' ? store.undo() : store.redo();
        if (state) show(state);
      }}
      onInput={(event) => {
        const el = event.currentTarget;
        const type = (event.nativeEvent as InputEvent).inputType;
        store.input(
          { text: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd },
          type === 'insertText' || type === 'deleteContentBackward',
          performance.now(),
        );
        onText?.(el.value);
      }}
      onSelect={(event) =>
        store.select(event.currentTarget.selectionStart, event.currentTarget.selectionEnd)
      }
      onScroll={(event) => {
        store.scrollTop = event.currentTarget.scrollTop;
      }}
      onFocus={() => {
        store.hasFocus = true;
      }}
      onBlur={(event) => {
        const el = event.currentTarget;
        // Removed from the page (the workbench or Monaco taking over) is not a blur by the learner.
        setTimeout(() => {
          if (el.isConnected) store.hasFocus = false;
        });
      }}
    />
  );
}
