import type { MDXComponents } from 'mdx/types';
import { AptInstallSize } from '@/components/mdx/AptInstallSize';
import { BaseImageTable } from '@/components/mdx/BaseImageTable';
import { Callout } from '@/components/mdx/Callout';
import { ClaimCheck } from '@/components/mdx/ClaimCheck';
import { CodeBlock } from '@/components/mdx/CodeBlock';
import { DataFigure } from '@/components/mdx/DataFigure';
import { GoalLimit } from '@/components/mdx/GoalLimit';
import { LayerFigure } from '@/components/mdx/LayerFigure';
import { Size } from '@/components/mdx/Size';
import { Try } from '@/components/mdx/Try';

/** Components lesson MDX may use without importing them (all server components). */
const components: MDXComponents = {
  pre: CodeBlock,
  AptInstallSize,
  BaseImageTable,
  Callout,
  ClaimCheck,
  DataFigure,
  GoalLimit,
  LayerFigure,
  Size,
  Try,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
