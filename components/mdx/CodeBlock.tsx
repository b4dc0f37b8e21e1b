import type { ComponentProps } from 'react';

/**
 * Code blocks in lesson prose. Focusable, so keyboard users can scroll one that is wider than
 * the pane (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return <pre {...props} tabIndex={0} />;
}
