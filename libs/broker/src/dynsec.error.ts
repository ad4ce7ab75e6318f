/** One dynamic-security command that the broker refused, with the broker's own words. */
export interface DynsecFailure {
  command: string;
  /** The client username or role name the command was about. */
  subject: string;
  error: string;
}

export type DynsecErrorCode =
  /** The broker answered, and refused one or more commands: see `failures`. */
  | 'dynsec-command-failed'
  /**
   * No answer in time: the broker is down, the plugin is not loaded, or the account may not use
   * `$CONTROL`. The commands may still have been applied; running the same call again is safe.
   */
  | 'dynsec-no-response'
  /** Refused before anything was sent (a device id that is not one, an empty secret, a reserved name). */
  | 'dynsec-invalid-request';

/** Provisioning accounts on Mosquitto's dynamic-security plugin went wrong. */
export class DynsecError extends Error {
  constructor(
    readonly code: DynsecErrorCode,
    message: string,
    readonly failures: readonly DynsecFailure[] = [],
  ) {
    super(message);
    this.name = 'DynsecError';
  }
}
