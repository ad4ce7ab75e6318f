import { RegionRepository, type RegionRecord } from '@eldercare/persistence';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';

@ApiTags('regions')
@Controller('api/regions')
export class RegionsController {
  constructor(private readonly regions: RegionRepository) {}

  /** The regions the viewer watches and everything below them, districts first. */
  @Get()
  @Requires('regions.read')
  list(@CurrentViewer() viewer: Viewer): Promise<RegionRecord[]> {
    return this.regions.findInScope(viewer.scope);
  }
}
