/**
 * Numbers the requests of one list so that only the latest one's answer counts: a search that answers after a newer
 * one was asked must not overwrite it. `start` numbers a request and gives back whether it is still the latest.
 */
export function latestRequests(): { start: () => () => boolean } {
  let latest = 0;
  return {
    start: () => {
      const request = ++latest;
      return () => request === latest;
    },
  };
}
