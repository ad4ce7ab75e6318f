import { mutedUntil, overlapsAbsence, quietSince, type Absence } from './absence';
import { localAt } from './rule-test-kit.fixture';

const hospital: Absence = { from: localAt(1, 8), until: localAt(3, 10), reason: 'hospital' };
const familyVisit: Absence = { from: localAt(3, 9), until: localAt(5, 18), reason: 'away' };
const laterTrip: Absence = { from: localAt(5, 18), until: localAt(6, 12), reason: 'away' };

describe('mutedUntil', () => {
  const sut = mutedUntil;

  it.each([
    ['is not muted just before the absence', localAt(1, 7, 59), null],
    ['is muted from its start to its end', localAt(1, 8), localAt(3, 10)],
    ['is muted inside it to its end', localAt(2, 12), localAt(3, 10)],
    ['is not muted at its end, which is not part of it', localAt(3, 10), null],
  ])('%s', (_case, at, expected) => {
    expect(sut([hospital], at)).toBe(expected);
  });

  it('follows absences that overlap or touch to the end of the last', () => {
    expect(sut([laterTrip, familyVisit, hospital], localAt(2, 0))).toBe(localAt(6, 12));
  });

  it('is never muted without absences', () => {
    expect(sut([], localAt(2, 0))).toBeNull();
  });
});

describe('quietSince', () => {
  const sut = quietSince;

  it.each([
    ['no absence since', localAt(4, 0), [], localAt(4, 0)],
    ['an absence that ended after it', localAt(1, 7), [hospital], localAt(3, 10)],
    ['an absence that ended before it', localAt(3, 11), [hospital], localAt(3, 11)],
    ['the latest of several returns', localAt(0, 12), [hospital, familyVisit], localAt(5, 18)],
    ['an absence not yet over', localAt(1, 7), [laterTrip], localAt(1, 7)],
  ])('counts from the right moment with %s', (_case, since, absences, expected) => {
    expect(sut(since, absences as Absence[], localAt(6, 0))).toBe(expected);
  });
});

describe('overlapsAbsence', () => {
  it.each([
    ['an hour ending as the absence starts does not overlap', localAt(1, 7), localAt(1, 8), false],
    ['an hour that holds the start overlaps', localAt(1, 7, 30), localAt(1, 8, 30), true],
    ['an hour starting as the absence ends does not overlap', localAt(3, 10), localAt(3, 11), false],
  ])('%s', (_case, from, until, expected) => {
    expect(overlapsAbsence([hospital], from, until)).toBe(expected);
  });
});
