import { useEffect, type RefObject } from 'react';
import { useConsole } from '../app/console-session';

/**
 * Reports the alert as shown once its element is on screen in a visible tab: a row below the fold or in a
 * background tab has not been seen by anyone yet.
 */
export function useShownReport(ref: RefObject<Element | null>, alertId: string): void {
  const services = useConsole();
  useEffect(() => {
    const element = ref.current;
    if (!element || !services) return;
    let inView = false;
    const report = () => {
      if (inView && document.visibilityState === 'visible') services.shown.report(alertId);
    };
    const observer = new IntersectionObserver((entries) => {
      inView = entries[entries.length - 1].isIntersecting;
      report();
    });
    observer.observe(element);
    document.addEventListener('visibilitychange', report);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', report);
    };
  }, [ref, alertId, services]);
}
