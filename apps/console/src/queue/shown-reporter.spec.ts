import { ShownReporter } from './shown-reporter';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ShownReporter', () => {
  it('reports each alert once', () => {
    const sent: string[] = [];
    const sut = new ShownReporter(async (alertId) => {
      sent.push(alertId);
    });
    sut.report('a-1');
    sut.report('a-2');
    sut.report('a-1');
    expect(sent).toEqual(['a-1', 'a-2']);
  });

  it('reports again at the next showing when sending failed', async () => {
    let attempts = 0;
    const sut = new ShownReporter(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
    });
    sut.report('a-1');
    await settle();
    sut.report('a-1');
    sut.report('a-1');
    expect(attempts).toBe(2);
  });
});
