/** A mistake on the command line: the message names the flag or argument at fault. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
