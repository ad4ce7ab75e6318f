import { latestRequests } from './latest-request';

describe('latestRequests', () => {
  it('keeps a request that nothing came after', () => {
    const isLatest = latestRequests().start();
    expect(isLatest()).toBe(true);
  });

  it('drops an earlier request once a newer one starts', () => {
    const requests = latestRequests();
    const first = requests.start();
    const second = requests.start();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('counts each list on its own', () => {
    const one = latestRequests().start();
    latestRequests().start();
    expect(one()).toBe(true);
  });
});
