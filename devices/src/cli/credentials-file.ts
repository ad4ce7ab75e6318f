import { readFileSync } from 'node:fs';
import { parseCredentials, type DeviceCredentials } from '../device-credentials';
import { CliUsageError } from './cli-usage.error';

/** Reads and checks the file given as `--credentials`. */
export function readCredentialsFile(path: string): DeviceCredentials[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`--credentials: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parseCredentials(JSON.parse(text));
  } catch (error) {
    throw new CliUsageError(`--credentials: ${path}: ${(error as Error).message}`);
  }
}
