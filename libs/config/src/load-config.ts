import { z } from 'zod';
import { environmentSchema, type Environment } from './config.schema';

/** Thrown at start-up; its message names each bad variable and what was wrong. */
export class ConfigError extends Error {
  readonly code = 'config-invalid';
}

/** Parses the environment once; `process.env` is read here and nowhere else. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Environment {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = environmentSchema.safeParse(defined);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

export { z };
