import { ackDownlink, configDownlink, rejectedDownlink } from './downlink-builders';
import { MAX_REASON_CHARS } from './downlink.schema';
import { refusal } from './refusal';

describe('ackDownlink', () => {
  it.each(['received', 'help-coming', 'resolved'] as const)('reports the state %s of an sos or fall', (state) => {
    expect(ackDownlink('d1', 'a1', state)).toEqual({ msgId: 'd1', kind: 'ack', ref: 'a1', state });
  });
});

describe('rejectedDownlink', () => {
  const sut = rejectedDownlink;

  it('gives the refusal code and detail as the reason, referring to the refused msgId', () => {
    expect(sut('d2', refusal('invalid-fields', 'battery: must be <= 100', 'h1'))).toEqual({
      msgId: 'd2',
      kind: 'rejected',
      ref: 'h1',
      reason: 'invalid-fields: battery: must be <= 100',
    });
  });

  it('leaves ref out when no msgId could be read', () => {
    const result = sut('d3', refusal('not-json', 'payload is not JSON: Unexpected end of JSON input'));

    expect(result).toEqual({
      msgId: 'd3',
      kind: 'rejected',
      reason: 'not-json: payload is not JSON: Unexpected end of JSON input',
    });
    expect('ref' in result).toBe(false);
  });

  it(`keeps the reason within ${MAX_REASON_CHARS} characters even for a hand-made refusal`, () => {
    const result = sut('d4', { ok: false, code: 'unknown-device', detail: 'x'.repeat(1000) });

    expect(result.reason).toHaveLength(MAX_REASON_CHARS);
  });
});

describe('configDownlink', () => {
  const sut = configDownlink;

  it.each([
    [{ heartbeatSec: 900 }, { msgId: 'd5', kind: 'config', heartbeatSec: 900 }],
    [{ reportSec: 300 }, { msgId: 'd5', kind: 'config', reportSec: 300 }],
    [
      { heartbeatSec: 900, reportSec: 300 },
      { msgId: 'd5', kind: 'config', heartbeatSec: 900, reportSec: 300 },
    ],
  ])('sends only the intervals given: %j', (intervals, downlink) => {
    const result = sut('d5', intervals);

    expect(result).toEqual(downlink);
    expect(Object.keys(result)).toEqual(Object.keys(downlink));
  });
});
