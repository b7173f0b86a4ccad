// A clock for countdowns ("retry in 4 s", "reconnecting in 2 s"): one re-render per period.
import { useEffect, useState } from 'react';

export function useNow(periodMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
