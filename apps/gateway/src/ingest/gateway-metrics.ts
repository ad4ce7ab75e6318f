import { platformMetrics } from '@eldercare/metrics';
import { Injectable } from '@nestjs/common';

/** Running totals of what the gateway did, for logs and benchmarks; also counted for Prometheus. */
@Injectable()
export class GatewayMetrics {
  received = 0;
  stored = 0;
  duplicates = 0;
  rejected = 0;
  readonly rejectedByCode = new Map<string, number>();
  batches = 0;
  largestBatch = 0;

  recordBatch(size: number, stored: number, duplicates: number, rejectedCodes: string[]): void {
    this.batches++;
    this.received += size;
    this.stored += stored;
    this.duplicates += duplicates;
    this.rejected += rejectedCodes.length;
    this.largestBatch = Math.max(this.largestBatch, size);
    for (const code of rejectedCodes) this.rejectedByCode.set(code, (this.rejectedByCode.get(code) ?? 0) + 1);
    platformMetrics.recordIngestBatch(size, stored, duplicates, rejectedCodes);
  }

  get averageBatch(): number {
    return this.batches === 0 ? 0 : this.received / this.batches;
  }
}
