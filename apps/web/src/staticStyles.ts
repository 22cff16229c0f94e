import { prefersReducedMotion } from './components/motion';

/**
 * Links antd's pre-rendered style sheet (build/antd-static-css.ts) and waits until it applies, before
 * the first render: antd reads the sheet's cache-path marker once, at its first style, and from then
 * on skips generating and inserting every style the sheet holds. One sheet per theme: the app turns
 * antd's motion off for a browser that asks for reduced motion (main.tsx), which changes every
 * class-name hash. Not on the sign-in page (it stays within its size budget; antd generates its few
 * styles there). If the sheet fails or is slow, antd generates the styles at run time as it would
 * without it.
 */
export function linkStaticStyles(
  sheets: { motion: string; reducedMotion: string } | null,
  timeoutMs = 3000,
): Promise<void> {
  if (!sheets || window.location.pathname.startsWith('/login')) return Promise.resolve();
  const url = prefersReducedMotion() ? sheets.reducedMotion : sheets.motion;
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    link.dataset.antdStatic = '';
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    link.onload = done;
    link.onerror = () => {
      link.remove();
      done();
    };
    document.head.appendChild(link);
  });
}
