import { JobName, QueueName, type AnnounceAlertJob, type AnnounceWorkOrderJob } from '@eldercare/contracts';
import { UnrecoverableError } from 'bullmq';
import { jobProcessor } from './job-consumer';

describe('a consumer', () => {
  const alert: AnnounceAlertJob = { alertId: 'a-1', change: 'raised' };
  const workOrder: AnnounceWorkOrderJob = { workOrderId: 'w-1', seq: '3' };

  function dispatchHandlers() {
    const seen: string[] = [];
    const handlers = {
      [JobName.AnnounceAlert]: async (data: AnnounceAlertJob) => void seen.push(`alert ${data.alertId} ${data.change}`),
      [JobName.AnnounceWorkOrder]: async (data: AnnounceWorkOrderJob) => void seen.push(`order ${data.workOrderId}`),
    };
    return { seen, handlers };
  }

  it('hands each job to the handler of its name, with its payload and the job', async () => {
    const { seen, handlers } = dispatchHandlers();
    const sut = jobProcessor(QueueName.Dispatch, handlers);

    await sut({ name: JobName.AnnounceWorkOrder, data: workOrder });
    await sut({ name: JobName.AnnounceAlert, data: alert });

    expect(seen).toEqual(['order w-1', 'alert a-1 raised']);
  });

  it('gives the handler the job itself, for its timestamp and delay', async () => {
    const escalate = jest.fn(async () => undefined);
    const sut = jobProcessor(QueueName.AlertEscalations, { [JobName.EscalateAlert]: escalate });
    const job = { name: JobName.EscalateAlert, data: { alertId: 'a-1', step: 're-notify' }, timestamp: 1_000 };

    await sut(job);

    expect(escalate).toHaveBeenCalledWith(job.data, job);
  });

  it('fails for good a job whose name the queue does not have, instead of dropping it or guessing', async () => {
    const { seen, handlers } = dispatchHandlers();
    const sut = jobProcessor(QueueName.Dispatch, handlers);

    const unknown = sut({ name: JobName.SendDownlink, data: alert });

    await expect(unknown).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(unknown).rejects.toThrow('dispatch has no job named send-downlink');
    expect(seen).toEqual([]);
  });

  it('fails for good a job that a handler map missing its name meets', async () => {
    const { seen, handlers } = dispatchHandlers();
    const { [JobName.AnnounceAlert]: onlyAlerts } = handlers;
    // @ts-expect-error: every job name of the queue needs its handler
    const sut = jobProcessor(QueueName.Dispatch, { [JobName.AnnounceAlert]: onlyAlerts });

    await expect(sut({ name: JobName.AnnounceWorkOrder, data: workOrder })).rejects.toBeInstanceOf(UnrecoverableError);
    expect(seen).toEqual([]);
  });

  it('lets a handler failure through as it is, so BullMQ retries the job with backoff', async () => {
    const transient = new Error('connection reset');
    const sut = jobProcessor(QueueName.DeviceDownlinks, {
      [JobName.SendDownlink]: async () => {
        throw transient;
      },
    });

    await expect(sut({ name: JobName.SendDownlink, data: {} })).rejects.toBe(transient);
  });
});
