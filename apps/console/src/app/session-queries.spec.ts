import { QueryObserver } from '@tanstack/react-query';
import { refetchAfterGap, sessionQueryClient } from './session-queries';

describe('refetchAfterGap', () => {
  it('reads the lists on screen again, but not an audited record', async () => {
    const client = sessionQueryClient();
    const reads = { elders: 0, elder: 0 };
    const watch = (key: 'elders' | 'elder', audited: boolean) =>
      new QueryObserver(client, {
        queryKey: [key],
        queryFn: () => ++reads[key],
        meta: { audited },
      }).subscribe(() => undefined);
    const stops = [watch('elders', false), watch('elder', true)];
    await client.refetchQueries();
    const before = { ...reads };

    await refetchAfterGap(client);

    expect(reads).toEqual({ elders: before.elders + 1, elder: before.elder });
    stops.forEach((stop) => stop());
    client.clear();
  });
});
