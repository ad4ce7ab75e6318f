import 'reflect-metadata';
import { createLogger, NestPinoLogger } from '@eldercare/config';
import { PersistenceModule } from '@eldercare/persistence';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parentPort, workerData } from 'node:worker_threads';
import { WorkerModule } from '../worker.module';
import type { AlarmLaneCommand, AlarmLaneData, AlarmLaneMessage } from './alarm-lane-thread';

/** The alarm lane's thread: a worker that takes `device-alarms` and nothing else, on connections of its own. */
async function runAlarmLane({ database, worker, logLevel }: AlarmLaneData): Promise<void> {
  const port = parentPort!;
  @Module({
    imports: [PersistenceModule.forRoot(database), WorkerModule.forRoot({ ...worker, alarmLane: { runs: 'alone' } })],
  })
  class AlarmLaneModule {}

  const app = await NestFactory.createApplicationContext(AlarmLaneModule, {
    logger: new NestPinoLogger(createLogger(logLevel, 'worker-alarms')),
  });
  port.on('message', (command: AlarmLaneCommand) => {
    if (command.type === 'stop') void app.close().finally(() => port.close());
  });
  port.postMessage({ type: 'ready' } satisfies AlarmLaneMessage);
}

void runAlarmLane(workerData as AlarmLaneData);
