import { useSyncExternalStore } from 'react';

// One ticker for the whole page, so every clock on screen turns over in the same instant.
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now (epoch ms), updated every second while any component uses it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
