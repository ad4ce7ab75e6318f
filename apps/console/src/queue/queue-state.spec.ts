import { alertView } from '../shared/alert-view.fixture';
import { EMPTY_QUEUE, newCriticalAlerts, orderQueue, withChange, withListing, withSnapshot } from './queue-state';

const ids = (alerts: readonly { id: string }[]) => alerts.map((alert) => alert.id);
const operator = { id: 'u-1', displayName: '李调度' };

describe('orderQueue', () => {
  it('puts the most severe first, then the one waiting longest', () => {
    const sut = orderQueue([
      alertView({ id: 'water-new', severity: 'urgent', raisedAt: '2025-03-08T06:05:00Z' }),
      alertView({ id: 'battery', severity: 'maintenance', raisedAt: '2025-03-08T05:00:00Z' }),
      alertView({ id: 'sos-new', severity: 'critical', raisedAt: '2025-03-08T06:04:00Z' }),
      alertView({ id: 'water-old', severity: 'urgent', raisedAt: '2025-03-08T06:01:00Z' }),
      alertView({ id: 'fall-old', severity: 'critical', raisedAt: '2025-03-08T06:02:00Z' }),
    ]);
    expect(ids(sut)).toEqual(['fall-old', 'sos-new', 'water-old', 'water-new', 'battery']);
  });

  it('puts those nobody has claimed before claimed ones of the same severity', () => {
    const sut = orderQueue([
      alertView({ id: 'claimed-old', raisedAt: '2025-03-08T06:00:00Z', status: 'acknowledged', claimedBy: operator }),
      alertView({ id: 'unclaimed-new', raisedAt: '2025-03-08T06:05:00Z' }),
    ]);
    expect(ids(sut)).toEqual(['unclaimed-new', 'claimed-old']);
  });
});

describe('the queue', () => {
  it('shows the HTTP listing until the socket speaks, then only the snapshot', () => {
    const listed = withListing(EMPTY_QUEUE, [alertView({ id: 'a-1' })]);
    expect(ids(listed.alerts)).toEqual(['a-1']);

    const live = withSnapshot([alertView({ id: 'a-2' })]);
    expect(ids(withListing(live, [alertView({ id: 'a-1' })]).alerts)).toEqual(['a-2']);
  });

  it('adds a raised alert in its place', () => {
    const state = withSnapshot([alertView({ id: 'urgent', severity: 'urgent' })]);
    const sut = withChange(state, alertView({ id: 'fall', rule: 'fall', seq: '2' }));
    expect(ids(sut.alerts)).toEqual(['fall', 'urgent']);
  });

  it('replaces an alert by id when it changes', () => {
    const state = withSnapshot([alertView({ id: 'a-1', seq: '1' })]);
    const sut = withChange(state, alertView({ id: 'a-1', seq: '2', status: 'acknowledged', claimedBy: operator }));
    expect(sut.alerts).toHaveLength(1);
    expect(sut.alerts[0].claimedBy).toEqual(operator);
  });

  it('ignores a copy older than the one it holds', () => {
    const state = withSnapshot([alertView({ id: 'a-1', seq: '10', claimedBy: operator })]);
    expect(withChange(state, alertView({ id: 'a-1', seq: '9' }))).toBe(state);
  });

  it('drops an alert once resolved', () => {
    const state = withSnapshot([alertView({ id: 'a-1', seq: '1' }), alertView({ id: 'a-2', seq: '2' })]);
    const sut = withChange(state, alertView({ id: 'a-1', seq: '3', status: 'resolved' }));
    expect(ids(sut.alerts)).toEqual(['a-2']);
  });

  it('keeps an alert the elder cancelled until someone has called back and resolved it', () => {
    const state = withSnapshot([alertView({ id: 'a-1', seq: '1' })]);
    expect(withChange(state, alertView({ id: 'a-1', seq: '2', status: 'cancelled-by-elder' })).alerts[0].status).toBe(
      'cancelled-by-elder',
    );
  });

  it('takes no notice of a closed alert it never held', () => {
    const state = withSnapshot([]);
    expect(withChange(state, alertView({ id: 'a-9', status: 'resolved' }))).toBe(state);
  });

  it('leaves closed alerts out of a snapshot', () => {
    const sut = withSnapshot([
      alertView({ id: 'a-1', status: 'resolved' }),
      alertView({ id: 'a-2' }),
      alertView({ id: 'a-3', status: 'cancelled-by-elder' }),
      alertView({ id: 'a-4', status: 'acknowledged', claimedBy: operator }),
    ]);
    expect(ids(sut.alerts)).toEqual(['a-2', 'a-3', 'a-4']);
  });
});

describe('newCriticalAlerts', () => {
  it('names unclaimed critical alerts that were not there before', () => {
    const before = [alertView({ id: 'old-sos' })];
    const after = [
      alertView({ id: 'old-sos' }),
      alertView({ id: 'new-fall', rule: 'fall' }),
      alertView({ id: 'new-water', severity: 'urgent' }),
      alertView({ id: 'new-claimed', claimedBy: operator }),
    ];
    expect(ids(newCriticalAlerts(before, after))).toEqual(['new-fall']);
  });
});
