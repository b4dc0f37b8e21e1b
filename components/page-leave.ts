/**
 * Calls `save` when the page is hidden (switching tabs or apps) or goes away (closing the tab,
 * reloading, navigating off the site), so a save still waiting for its autosave delay is made at
 * once instead of dropped. Returns the function that removes the listeners.
 */
export function onPageLeave(save: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') save();
  };
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', save);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
