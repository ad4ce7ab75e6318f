import type { WorkOrderView } from '@eldercare/contracts';
import { mayRate, starsText } from './family-visits';

const visit = (status: WorkOrderView['status'], rating: WorkOrderView['rating'] = null) =>
  ({ status, rating }) as WorkOrderView;

describe('mayRate', () => {
  it('offers a rating for a visit done and not yet rated', () => {
    expect(mayRate(visit('checked-out'))).toBe(true);
    expect(mayRate(visit('checked-out', { stars: 4, comment: '' }))).toBe(false);
    expect(mayRate(visit('checked-in'))).toBe(false);
    expect(mayRate(visit('missed'))).toBe(false);
  });
});

describe('starsText', () => {
  it('draws five stars, the given ones filled', () => {
    expect(starsText(3)).toBe('★★★☆☆');
    expect(starsText(9)).toBe('★★★★★');
  });
});
