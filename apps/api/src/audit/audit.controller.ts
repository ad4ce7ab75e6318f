import type { AuditEntryView } from '@eldercare/contracts';
import { AuditRepository } from '@eldercare/persistence';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { zodDto } from '../http/zod-dto';
import { toAuditEntryView } from './audit-entry.mapper';

class AuditQuery extends zodDto(
  z.strictObject({
    elderId: z.uuid().optional(),
    userId: z.uuid().optional(),
    before: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
) {}

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  /** Who read or changed the records of the elders in the viewer's scope, newest first. */
  @Get()
  @Requires('audit.read')
  async list(@CurrentViewer() viewer: Viewer, @Query() query: AuditQuery): Promise<AuditEntryView[]> {
    return (await this.audit.list(viewer.scope, query)).map(toAuditEntryView);
  }
}
