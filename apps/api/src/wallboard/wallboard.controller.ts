import type { WallboardView } from '@eldercare/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { WallboardService } from './wallboard.service';

@ApiTags('wallboard')
@Controller('api/wallboard')
export class WallboardController {
  constructor(private readonly wallboard: WallboardService) {}

  /** Today's figures of the viewer's scope: answer shares, who is on duty, devices in trouble, missed visits, 24 hours. */
  @Get()
  @Requires('wallboard.read')
  today(@CurrentViewer() viewer: Viewer): Promise<WallboardView> {
    return this.wallboard.today(viewer.scope);
  }
}
