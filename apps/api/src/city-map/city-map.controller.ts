import type { OperationsMapView, ServiceMapView } from '@eldercare/contracts';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { CityMapService } from './city-map.service';
import { RegionOutlinesBody } from './region-outlines.dto';

const elderId = idParam('elder-not-found');

@ApiTags('map')
@Controller('api')
export class CityMapController {
  constructor(private readonly maps: CityMapService) {}

  /** The operations map of the viewer's scope: elders, caregivers on duty, stations, region outlines. */
  @Get('map')
  @Requires('map.read')
  operations(@CurrentViewer() viewer: Viewer): Promise<OperationsMapView> {
    return this.maps.operations(viewer);
  }

  /** Region outlines from a GeoJSON FeatureCollection, each feature naming its region by `properties.code`. */
  @Post('map/outlines')
  @Requires('regions.write')
  importOutlines(@Body() body: RegionOutlinesBody): Promise<{ regions: number }> {
    return this.maps.importOutlines(
      body.features.map((feature) => ({ code: feature.properties.code, outline: feature.geometry })),
    );
  }

  /** The service map around a family's own elder: stations, nearest first. */
  @Get('family/elders/:id/service-map')
  @Requires('visits.rate')
  serviceMap(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<ServiceMapView> {
    return this.maps.serviceMap(viewer, id);
  }
}
