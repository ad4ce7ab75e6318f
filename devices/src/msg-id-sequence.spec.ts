import { MsgIdSequence } from './msg-id-sequence';

describe('MsgIdSequence', () => {
  it('numbers from 1 after its prefix, never repeating', () => {
    const sut = new MsgIdSequence('boot7');
    const ids = Array.from({ length: 1_000 }, () => sut.next());
    expect(ids.slice(0, 3)).toEqual(['boot7-1', 'boot7-2', 'boot7-3']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses a different boot id on every start, so a restarted device never reuses a msgId', () => {
    const boots = Array.from({ length: 100 }, () => new MsgIdSequence());
    expect(new Set(boots.map((sut) => sut.next())).size).toBe(100);
    boots.forEach((sut) => expect(sut.next()).toMatch(/^[a-z0-9]+-2$/));
  });
});
