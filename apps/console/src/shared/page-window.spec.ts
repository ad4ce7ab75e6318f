import { pageWindow } from './page-window';

describe('pageWindow', () => {
  it('places the first page', () => {
    expect(pageWindow(0, 50, 50, 130)).toEqual({ from: 1, to: 50, total: 130, previous: null, next: 50 });
  });

  it('places a middle page', () => {
    expect(pageWindow(50, 50, 50, 130)).toEqual({ from: 51, to: 100, total: 130, previous: 0, next: 100 });
  });

  it('ends on the last page', () => {
    expect(pageWindow(100, 50, 30, 130)).toEqual({ from: 101, to: 130, total: 130, previous: 50, next: null });
  });

  it('says nothing is shown for an empty list', () => {
    expect(pageWindow(0, 50, 0, 0)).toEqual({ from: 0, to: 0, total: 0, previous: null, next: null });
  });

  it('goes back to the start from an offset that is not a whole page', () => {
    expect(pageWindow(20, 50, 50, 130).previous).toBe(0);
  });

  it('offers no next page when the list shrank under the offset', () => {
    expect(pageWindow(150, 50, 0, 130)).toMatchObject({ from: 0, next: null, previous: 100 });
  });
});
