import type { Uplink } from './protocol-shim';

type WithoutMsgId<T> = T extends unknown ? Omit<T, 'msgId'> : never;

/** An uplink before the device numbers it: what behaviour models and commands produce. */
export type UplinkBody = WithoutMsgId<Uplink>;

/** Every uplink kind of protocol v1. */
export type UplinkKind = Uplink['kind'];
