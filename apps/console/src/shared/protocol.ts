// Like domain.ts for libs/protocol: its index brings zod and the payload schemas, and the console needs only these
// two plain tables, so it takes them file by file, here only.
export { DEVICE_TYPES, type DeviceType } from '../../../../libs/protocol/src/device-types';
export { DEVICE_ID_PATTERN } from '../../../../libs/protocol/src/topics';
