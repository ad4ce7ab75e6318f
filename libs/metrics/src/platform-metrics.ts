import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The platform's Prometheus metrics, one registry per process. Names are what dashboards and alerting rules
 * query: STORED OUTSIDE THE CODE, never rename one.
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly messagesReceived = new Counter({
    name: 'eldercare_messages_received_total',
    help: 'Device messages the gateway took from the broker',
    registers: [this.registry],
  });
  readonly messagesStored = new Counter({
    name: 'eldercare_messages_stored_total',
    help: 'Device messages stored for the first time',
    registers: [this.registry],
  });
  readonly messagesDuplicate = new Counter({
    name: 'eldercare_messages_duplicate_total',
    help: 'Retransmissions and redeliveries dropped by (device, msgId)',
    registers: [this.registry],
  });
  readonly messagesRejected = new Counter({
    name: 'eldercare_messages_rejected_total',
    help: 'Device messages refused, by refusal code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly ingestBatchSize = new Histogram({
    name: 'eldercare_ingest_batch_size',
    help: 'Messages per stored batch',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  readonly alertsRaised = new Counter({
    name: 'eldercare_alerts_raised_total',
    help: 'Alerts opened, by rule and severity',
    labelNames: ['rule', 'severity'],
    registers: [this.registry],
  });
  readonly timeToAcknowledge = new Histogram({
    name: 'eldercare_alert_time_to_acknowledge_seconds',
    help: 'From the raise of an alert to its claim by an operator, by severity',
    labelNames: ['severity'],
    buckets: [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600],
    registers: [this.registry],
  });
  readonly queueJobs = new Gauge({
    name: 'eldercare_queue_jobs',
    help: 'Jobs on each queue, by state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  /** Mosquitto's own counters, read from its `$SYS` topics: totals since the broker started. */
  readonly brokerMessagesDropped = new Gauge({
    name: 'eldercare_broker_messages_dropped',
    help: 'Messages the broker dropped since it started (a full per-session queue, among others): $SYS/broker/publish/messages/dropped',
    registers: [this.registry],
  });
  readonly brokerMessagesStored = new Gauge({
    name: 'eldercare_broker_messages_stored',
    help: 'Messages the broker holds for delivery, retained ones included: $SYS/broker/store/messages/count',
    registers: [this.registry],
  });

  /** Counts one stored ingest batch. */
  recordIngestBatch(size: number, stored: number, duplicates: number, rejectedCodes: readonly string[]): void {
    this.messagesReceived.inc(size);
    this.messagesStored.inc(stored);
    this.messagesDuplicate.inc(duplicates);
    this.ingestBatchSize.observe(size);
    for (const code of rejectedCodes) this.messagesRejected.inc({ code });
  }
}

/** The process's metrics: gateway, worker and api in one process share them, so one endpoint shows all three. */
export const platformMetrics = new PlatformMetrics();
