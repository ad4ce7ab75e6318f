/**
 * Tells the server once per alert and page load that the alert reached a screen: the first time is what the
 * centre's response times start from. A report that fails may be sent again at the next showing.
 */
export class ShownReporter {
  private readonly reported = new Set<string>();

  constructor(private readonly send: (alertId: string) => Promise<void>) {}

  report(alertId: string): void {
    if (this.reported.has(alertId)) return;
    this.reported.add(alertId);
    this.send(alertId).catch(() => this.reported.delete(alertId));
  }
}
