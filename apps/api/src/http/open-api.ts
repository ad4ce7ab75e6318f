import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { isZodDto, type ZodDtoClass } from './zod-dto';

/** Every zod DTO the controllers take, by class name: the name OpenAPI files its schema under. */
function zodDtosOf(app: INestApplication): Map<string, ZodDtoClass> {
  const dtos = new Map<string, ZodDtoClass>();
  const scanner = app.get(MetadataScanner);
  for (const controller of app.get(DiscoveryService).getControllers()) {
    const prototype = Object.getPrototypeOf(controller.instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const types: unknown[] = Reflect.getMetadata('design:paramtypes', prototype, method) ?? [];
      for (const type of types) if (isZodDto(type)) dtos.set(type.name, type);
    }
  }
  return dtos;
}

/** OpenAPI at `/api/docs`, with each DTO's schema taken from its zod schema so the two never disagree. */
export function mountOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('智慧养老服务平台 · Eldercare platform api')
    .setDescription(
      'REST for the dispatch console. Every route but sign-in and health needs the session cookie set by `POST /api/auth/login`.',
    )
    .addCookieAuth('eldercare_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = ((document.components ??= {}).schemas ??= {});
  for (const [name, dto] of zodDtosOf(app))
    schemas[name] = z.toJSONSchema(dto.schema, { io: 'input', unrepresentable: 'any' }) as never;
  SwaggerModule.setup('api/docs', app, document);
  return document;
}
