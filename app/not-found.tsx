import Link from 'next/link';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="not-found narrow">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Lessons live under /lessons/ followed by the lesson name.
      </p>
      <p className="button-row" style={{ justifyContent: 'center' }}>
        <Link className="button button--primary" href="/">
          Back to the course
        </Link>
        <Link className="button" href="/playground">
          Open the playground
        </Link>
      </p>
    </div>
  );
}
