import type { z } from 'zod';

/** A request body or query class carrying its zod schema: the validation pipe parses with it, OpenAPI shows it. */
export interface ZodDtoClass<S extends z.ZodType = z.ZodType> {
  new (): z.infer<S>;
  readonly schema: S;
}

/**
 * Declares a DTO from a schema, e.g. `class LoginRequest extends zodDto(loginSchema) {}`. Schemas are strict
 * objects, so unknown fields are refused rather than dropped.
 */
export function zodDto<S extends z.ZodType>(schema: S): ZodDtoClass<S> {
  class ZodDto {
    static readonly schema = schema;
  }
  return ZodDto as unknown as ZodDtoClass<S>;
}

export function isZodDto(value: unknown): value is ZodDtoClass {
  return typeof value === 'function' && 'schema' in value && typeof (value as { schema: unknown }).schema === 'object';
}
