import { isLaterSeq, SinceTracker } from './alert-seq';

describe('isLaterSeq', () => {
  it.each([
    ['10', '9', true],
    ['9', '10', false],
    ['7', '7', false],
    ['9007199254740993', '9007199254740992', true],
    ['abc', '7', true],
    ['7', 'abc', false],
  ])('%p after %p: %p', (seq, than, later) => {
    expect(isLaterSeq(seq, than)).toBe(later);
  });
});

describe('SinceTracker', () => {
  it('starts with nothing to ask since', () => {
    expect(new SinceTracker().since).toBeUndefined();
  });

  it('keeps the highest seq, compared as numbers and not as text', () => {
    const sut = new SinceTracker();
    sut.see('9');
    sut.see('10');
    sut.see('8');
    expect(sut.since).toBe('10');
  });

  it('keeps precision past 2^53', () => {
    const sut = new SinceTracker();
    sut.see('9007199254740993');
    sut.see('9007199254740992');
    expect(sut.since).toBe('9007199254740993');
  });

  it('ignores a seq that is not a number', () => {
    const sut = new SinceTracker();
    sut.see('12');
    sut.see('later');
    expect(sut.since).toBe('12');
  });
});
