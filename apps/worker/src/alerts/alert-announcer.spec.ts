import { alertJobsOf, announcementsOf, type AlertChange } from './alert-announcer';

const raisedAt = new Date('2025-01-01T08:00:00Z');
const opened = (alertId: string): AlertChange => ({
  kind: 'opened',
  alertId,
  triggerCount: 1,
  raisedAt,
  rule: 'vitals',
  severity: 'high',
  escalations: [],
});
const merged = (alertId: string, triggerCount: number): AlertChange => ({
  kind: 'merged',
  alertId,
  triggerCount,
  raisedAt,
  rule: 'vitals',
  severity: 'high',
  escalations: [],
});

describe('announcementsOf', () => {
  it('announces each change of a pass in order', () => {
    const changes: AlertChange[] = [opened('a-1'), merged('a-2', 4), { kind: 'cancelled-by-elder', alertId: 'a-3' }];

    expect(announcementsOf(changes)).toEqual([
      { job: { alertId: 'a-1', change: 'raised' }, revision: 1, alarm: false },
      { job: { alertId: 'a-2', change: 'merged' }, revision: 4, alarm: false },
      { job: { alertId: 'a-3', change: 'cancelled-by-elder' }, revision: 'elder', alarm: true },
    ]);
  });

  it('announces the merges of one alert once, at the last count', () => {
    const changes = [merged('a-1', 2), merged('a-2', 7), merged('a-1', 3), merged('a-1', 4)];

    expect(announcementsOf(changes)).toEqual([
      { job: { alertId: 'a-2', change: 'merged' }, revision: 7, alarm: false },
      { job: { alertId: 'a-1', change: 'merged' }, revision: 4, alarm: false },
    ]);
  });

  it('announces an alert the pass opened as raised only, whatever the pass merged into it after', () => {
    expect(announcementsOf([opened('a-1'), merged('a-1', 2), merged('a-1', 3)])).toEqual([
      { job: { alertId: 'a-1', change: 'raised' }, revision: 1, alarm: false },
    ]);
  });

  it('marks the changes of sos and fall alerts, and an elder taking a press back, as alarms', () => {
    const sos: AlertChange = { ...opened('a-1'), rule: 'sos', severity: 'critical' } as AlertChange;
    const fall: AlertChange = { ...merged('a-2', 2), rule: 'fall', severity: 'critical' } as AlertChange;

    expect(
      announcementsOf([sos, fall, opened('a-3'), { kind: 'cancelled-by-elder', alertId: 'a-1' }]).map(
        ({ job, alarm }) => [job.alertId, job.change, alarm],
      ),
    ).toEqual([
      ['a-1', 'raised', true],
      ['a-2', 'merged', true],
      ['a-3', 'raised', false],
      ['a-1', 'cancelled-by-elder', true],
    ]);
  });

  it('announces nothing for an event counted before', () => {
    const counted: AlertChange = { ...opened('a-1'), kind: 'already-counted' } as AlertChange;

    expect(announcementsOf([counted])).toEqual([]);
  });
});

describe('alertJobsOf', () => {
  const at = raisedAt.getTime();

  it('queues each announcement on dispatch under its job id, alarms ahead of routine changes', () => {
    const sos: AlertChange = { ...opened('a-1'), rule: 'sos', severity: 'critical' } as AlertChange;

    expect(alertJobsOf([sos, merged('a-2', 3)])).toEqual([
      {
        queue: 'dispatch',
        name: 'announce-alert',
        jobId: 'announce-a-1-raised-1',
        data: { alertId: 'a-1', change: 'raised' },
        priority: 1,
      },
      {
        queue: 'dispatch',
        name: 'announce-alert',
        jobId: 'announce-a-2-merged-3',
        data: { alertId: 'a-2', change: 'merged' },
        priority: 10,
      },
    ]);
  });

  it('schedules the escalations of an alert the pass opened, due when the domain says', () => {
    const steps = [
      { step: 're-notify' as const, at: at + 60_000 },
      { step: 'supervisors' as const, at: at + 180_000 },
    ];
    const jobs = alertJobsOf([{ ...opened('a-1'), escalations: steps } as AlertChange]);

    expect(jobs.filter((job) => job.queue === 'alert-escalations')).toEqual([
      {
        queue: 'alert-escalations',
        name: 'escalate-alert',
        jobId: 'escalate-a-1-re-notify',
        data: { alertId: 'a-1', step: 're-notify' },
        dueAt: at + 60_000,
      },
      {
        queue: 'alert-escalations',
        name: 'escalate-alert',
        jobId: 'escalate-a-1-supervisors',
        data: { alertId: 'a-1', step: 'supervisors' },
        dueAt: at + 180_000,
      },
    ]);
  });

  it('queues nothing for a merge’s escalations or for an event counted before: they came with the opening', () => {
    const steps = [{ step: 're-notify' as const, at }];
    const counted = { ...opened('a-1'), kind: 'already-counted', escalations: steps } as AlertChange;

    expect(alertJobsOf([counted])).toEqual([]);
    expect(alertJobsOf([{ ...merged('a-2', 2), escalations: steps } as AlertChange]).map((job) => job.queue)).toEqual([
      'dispatch',
    ]);
  });
});
