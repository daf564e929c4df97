import { useCallback, useEffect, useRef, useState } from 'react';

// A short undo window before a reply really leaves: the request is made only when the countdown ends, so
// "Ongedaan maken" needs nothing from the server. The timer lives in this tab; closing it sends nothing.
export function useUndoSend(seconds: number, onElapsed: () => void) {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;

  useEffect(() => {
    if (secondsLeft === null) return;
    if (secondsLeft <= 0) {
      setSecondsLeft(null);
      elapsed.current();
      return;
    }
    const timer = setTimeout(() => setSecondsLeft((left) => (left === null ? null : left - 1)), 1_000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const start = useCallback(() => setSecondsLeft(seconds), [seconds]);
  const cancel = useCallback(() => setSecondsLeft(null), []);
  return { secondsLeft, waiting: secondsLeft !== null, start, cancel };
}
