'use client';

import { useProgress } from './useProgress';

/** Shows progress notices (damaged data recovered, storage full) until dismissed. */
export function ProgressNotice() {
  const { notice, dismissNotice } = useProgress();
  return (
    <div role="status" aria-live="polite">
      {notice ? (
        <div className="notice-bar">
          <p>{notice}</p>
          <button type="button" className="button" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
