import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Cooperative slicing for work on the event loop: call the returned function between units of
 * work; once the current slice has run `ms`, it yields one turn of the event loop (I/O, timers,
 * other requests) before the next slice. Long reads stay responsive without a thread.
 */
export function slicer(ms = 10): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < ms) return undefined;
    return nextTurn().then(() => {
      start = performance.now();
    });
  };
}
