import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `at` (epoch ms), counting down on screen; 0 once it passed or when
 * there is nothing to wait for. Rounded up, so "1 s" shows until the moment itself.
 */
export function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const tick = () => {
      const time = Date.now();
      setNow(time);
      if (time >= at) clearInterval(timer);
    };
    // The clock read at mount may be long past: take it again before the first interval.
    queueMicrotask(tick);
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
