import type { FamilyElderView } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { FamilyService } from './family.service';

const elderId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('elder-not-found', 'no elder has this id') });

@ApiTags('family')
@Controller('api/family')
export class FamilyController {
  constructor(private readonly family: FamilyService) {}

  /** The family's own elder: visits done and to come, alerts, devices and battery. */
  @Get('elders/:id')
  @Requires('visits.rate')
  elder(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<FamilyElderView> {
    return this.family.elderView(viewer, id);
  }
}
