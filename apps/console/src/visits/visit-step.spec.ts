import { formatDistance, mapLink, nextStep, telLink } from './visit-step';

describe('nextStep', () => {
  it.each([
    ['created', null],
    ['assigned', 'accept'],
    ['accepted', 'check-in'],
    ['checked-in', 'check-out'],
    ['checked-out', null],
    ['missed', null],
    ['cancelled', null],
  ] as const)('%p → %p', (status, step) => {
    expect(nextStep(status)).toBe(step);
  });
});

describe('links', () => {
  it('points Amap at the home, longitude first', () => {
    expect(mapLink({ lat: 22.52, lon: 113.39 })).toBe('https://uri.amap.com/marker?position=113.39,22.52');
    expect(mapLink(null)).toBeNull();
  });

  it('dials only a real number', () => {
    expect(telLink('138 0013 8000')).toBe('tel:13800138000');
    expect(telLink('138****8000')).toBeNull();
    expect(telLink('')).toBeNull();
  });
});

describe('formatDistance', () => {
  it('says metres, then kilometres', () => {
    expect(formatDistance(84.6)).toBe('85 m');
    expect(formatDistance(1234)).toBe('1.2 km');
  });
});
