import type { VersionState } from '@/lib/gallery';

/** Says whether the solution was made for the lesson as it is now; the analysis is always current. */
export function VersionNotice({ state }: { state: VersionState }) {
  if (state === 'current') return null;
  return (
    <div className="callout callout--warning" role="note" data-testid="version-notice">
      <p>
        {state === 'changed'
          ? 'The lesson has changed since this solution was shared. The analysis below is of the text as it is, against the lesson as it is now, so figures may differ from what its author saw.'
          : 'This link does not say which version of the lesson it was made for (it was made before links carried one). The analysis below is against the lesson as it is now.'}
      </p>
    </div>
  );
}
