import { setTimeout as sleep } from 'node:timers/promises';
import { ZHONGSHAN_CITY_CENTRE } from '../geo-point';
import { SimulatedDevice } from '../simulated-device';
import type { UplinkBody } from '../uplink-body';
import type { CliCommand, DeviceAction } from './command-line';
import { printDownlink, printUplink } from './console-output';

type DeviceCommand = Extract<CliCommand, { name: 'device' }>;

/** One device, one uplink: connect, send, print the downlinks that come back, disconnect. */
export async function runDeviceCommand(command: DeviceCommand): Promise<void> {
  const { deviceId, type, secret } = command.device;
  const device = await SimulatedDevice.connect({ ...command.connection, deviceId, type, secret });
  device.on('downlink', (downlink) => printDownlink(deviceId, downlink));
  device.on('invalid-downlink', (payload) => printDownlink(deviceId, payload));
  try {
    if (command.action === 'raw') {
      await device.publishRaw(command.rawPayload!);
      printUplink(deviceId, command.rawPayload!);
    } else {
      printUplink(deviceId, await device.send(bodyOf(command.action, command)));
    }
    await sleep(command.listenSec * 1000);
  } finally {
    await device.close();
  }
}

function bodyOf(action: Exclude<DeviceAction, 'raw'>, command: DeviceCommand): UplinkBody {
  const ts = Date.now();
  switch (action) {
    case 'press':
      return { kind: 'sos', ts, ...(command.device.type === 'wearable' ? command.position : undefined) };
    case 'cancel':
      return { kind: 'cancel', ts };
    case 'fall':
      return { kind: 'fall', ts, confidence: 0.9, ...(command.position ?? ZHONGSHAN_CITY_CENTRE) };
    case 'heartbeat':
      return { kind: 'heartbeat', ts, battery: command.battery };
  }
}
