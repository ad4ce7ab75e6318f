import { ConfigError } from './load-config';
import type { Environment } from './config.schema';

type OptionalKey = { [K in keyof Environment]-?: undefined extends Environment[K] ? K : never }[keyof Environment];

/** For processes started on their own, where no embedded default stands in for a missing setting. */
export function requireSetting<K extends OptionalKey>(
  env: Environment,
  key: K,
  why: string,
): NonNullable<Environment[K]> {
  const value = env[key];
  if (value === undefined) throw new ConfigError(`Invalid configuration:\n  ${key}: required ${why}`);
  return value as NonNullable<Environment[K]>;
}
