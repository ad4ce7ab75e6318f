import type { CareBedView } from '@eldercare/contracts';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { CareBedBody } from './care-beds.dto';
import { CareBedsService } from './care-beds.service';

const elderId = idParam('elder-not-found');

/** Care beds at home (家庭养老床位). */
@ApiTags('care-beds')
@Controller('api')
export class CareBedsController {
  constructor(private readonly careBeds: CareBedsService) {}

  @Get('elders/:id/care-bed')
  @Requires('care-plans.read')
  view(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<CareBedView> {
    return this.careBeds.view(viewer, id);
  }

  @Post('elders/:id/care-bed')
  @Requires('care-plans.write')
  open(
    @CurrentViewer() viewer: Viewer,
    @Param('id', elderId) id: string,
    @Body() body: CareBedBody,
  ): Promise<CareBedView> {
    return this.careBeds.open(viewer, id, body);
  }
}
