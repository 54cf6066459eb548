/** The current time in epoch milliseconds, re-read every `periodMs` (SLA countdowns, heartbeats). */
import { useEffect, useState } from 'react';

export function useNow(periodMs: number): number {
  const [nowMs, setNowMs] = useState(() => new Date().getTime());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(new Date().getTime()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return nowMs;
}
