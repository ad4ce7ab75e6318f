import type { ElderCard } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { ElderRecordService } from './elder-record.service';

const elderId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('elder-not-found', 'no elder has this id') });

@ApiTags('elders')
@Controller('api/elders')
export class EldersController {
  constructor(private readonly records: ElderRecordService) {}

  /** The elder's record, masked as the viewer's role requires; every read is audited. */
  @Get(':id')
  @Requires('elders.read')
  card(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<ElderCard> {
    return this.records.card(viewer, id);
  }
}
