import Link from 'next/link';

/** The page for a link that cannot be shown (fragment or short): what went wrong, and where to go. */
export function LinkProblem({
  title,
  reason,
  kind,
}: {
  title: string;
  reason: string;
  kind: 'fragment' | 'short';
}) {
  return (
    <div className="narrow" data-testid="link-problem">
      <h1>{title}</h1>
      <div className="callout callout--danger" role="alert">
        <p>{reason}</p>
      </div>
      <p>
        {kind === 'short' ? (
          <>
            Short links look like <code>/s/</code> followed by 20 letters and digits. They are made
            by the <strong>Share</strong> button of a lesson or the playground, and never change.
          </>
        ) : (
          <>
            Share links are made with the <strong>Share</strong> button of a lesson or the
            playground, and hold the whole Dockerfile in the part of the address after{' '}
            <code>#</code>.
          </>
        )}
      </p>
      <div className="button-row">
        <Link className="button button--primary" href="/">
          Go to the course
        </Link>
        <Link className="button" href="/playground">
          Open the playground
        </Link>
      </div>
    </div>
  );
}
