// `seq` is a decimal string because it outgrows a double; it is only ever compared as a BigInt.
function toBigInt(seq: string): bigint | null {
  try {
    return /^\d+$/.test(seq) ? BigInt(seq) : null;
  } catch {
    return null;
  }
}

/** True when `seq` came after `than`. A seq that is not a number is taken as newer, so nothing is lost to it. */
export function isLaterSeq(seq: string, than: string): boolean {
  const a = toBigInt(seq);
  const b = toBigInt(than);
  if (a === null || b === null) return a === null;
  return a > b;
}

/** Keeps the highest seq seen: the `since` a console sends when it connects again. */
export class SinceTracker {
  private latest: string | undefined;

  get since(): string | undefined {
    return this.latest;
  }

  see(seq: string): void {
    if (toBigInt(seq) === null) return;
    if (this.latest === undefined || isLaterSeq(seq, this.latest)) this.latest = seq;
  }
}
