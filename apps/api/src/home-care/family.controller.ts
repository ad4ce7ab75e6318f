import type { FamilyElderView } from '@eldercare/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { FamilyService } from './family.service';

const elderId = idParam('elder-not-found');

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
