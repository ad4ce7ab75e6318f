/**
 * Limits written in the device protocol v1 page. Firmware is built against them, so changing one is a protocol
 * change, not a tuning knob.
 */

/** An uplink or status payload larger than this is refused before it is decoded. */
export const MAX_UPLINK_BYTES = 4096;

/**
 * A device `ts` further ahead of the platform clock than this is not trusted: the receive time is used and the
 * skew recorded. Clocks behind are trusted, because devices buffer readings while offline and send them later.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** `msgId` length in characters (Unicode code points, as JSON Schema counts them). */
export const MAX_MSG_ID_CHARS = 64;
