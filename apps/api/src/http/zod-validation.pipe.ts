import { DomainError } from '@eldercare/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isZodDto } from './zod-dto';

/**
 * Parses every body and query whose type is a zod DTO; a refusal names each field and what was wrong with it. A
 * route with a body DTO needs a JSON body: none at all (or one of another type, which the JSON parser leaves unread)
 * is refused, never read as `{}`.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!isZodDto(metadata.metatype)) return value;
    if (metadata.type === 'body' && value === undefined)
      throw new DomainError('invalid-request', 'this request needs a JSON body (Content-Type: application/json)');
    const parsed = metadata.metatype.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || metadata.type}: ${issue.message}`);
    throw new DomainError('invalid-request', problems.join('; '));
  }
}
