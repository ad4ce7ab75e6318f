import { answerClock } from './answer-clock';

const targets = { answerTargetSec: 60, answerWorstSec: 180 };
const raisedAt = '2025-03-08T06:00:00.000Z';
const after = (seconds: number) => Date.parse(raisedAt) + seconds * 1000;

describe('answerClock', () => {
  it.each([
    [0, 'within'],
    [60, 'within'],
    [61, 'past-target'],
    [180, 'past-target'],
    [181, 'past-worst'],
  ])('after %p seconds unclaimed reads %p', (seconds, level) => {
    expect(answerClock({ raisedAt, acknowledgedAt: null }, after(seconds), targets)).toEqual({
      seconds,
      level,
      running: true,
    });
  });

  it('stops when the alert is claimed and keeps the time the answer took', () => {
    const sut = answerClock({ raisedAt, acknowledgedAt: new Date(after(75)).toISOString() }, after(900), targets);
    expect(sut).toEqual({ seconds: 75, level: 'past-target', running: false });
  });

  it('reads zero when our clock is behind the server', () => {
    expect(answerClock({ raisedAt, acknowledgedAt: null }, after(-3), targets).seconds).toBe(0);
  });
});
