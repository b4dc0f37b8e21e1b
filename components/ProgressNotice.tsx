'use client';

import { downloadText } from './download';
import { useProgress } from './useProgress';

/**
 * Shows progress notices (damaged data recovered, storage full) until dismissed. When stored
 * text had to be copied before a lossy load and the copy failed, offers it as a download.
 */
export function ProgressNotice() {
  const { notice, unkeptRaw, dismissNotice } = useProgress();
  return (
    <div role="status" aria-live="polite">
      {notice ? (
        <div className="notice-bar">
          <p>{notice}</p>
          <div className="button-row">
            {unkeptRaw !== undefined ? (
              <button
                type="button"
                className="button"
                onClick={() =>
                  downloadText(
                    unkeptRaw,
                    `layerlab-stored-progress-${new Date().toISOString().slice(0, 10)}.json`,
                  )
                }
              >
                Download the stored data
              </button>
            ) : null}
            <button type="button" className="button" onClick={dismissNotice}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
