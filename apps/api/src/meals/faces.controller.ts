import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { FacesService } from './faces.service';
import { FaceRequest } from './meal.dto';

const elderId = idParam('elder-not-found');

@ApiTags('canteens')
@Controller('api/elders/:id/face')
export class FacesController {
  constructor(private readonly faces: FacesService) {}

  /** Whether the elder's face is enrolled, and since when; never the descriptor. */
  @Get()
  @Requires('faces.enrol', 'faces.withdraw')
  status(
    @CurrentViewer() viewer: Viewer,
    @Param('id', elderId) id: string,
  ): Promise<{ enrolled: boolean; enrolledAt: string | null }> {
    return this.faces.status(viewer, id);
  }

  @Put()
  @Requires('faces.enrol')
  @HttpCode(HttpStatus.NO_CONTENT)
  enrol(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string, @Body() body: FaceRequest): Promise<void> {
    return this.faces.enrol(viewer, id, body);
  }

  /** Consent withdrawn: the descriptor is deleted. */
  @Delete()
  @Requires('faces.withdraw')
  @HttpCode(HttpStatus.NO_CONTENT)
  withdraw(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<void> {
    return this.faces.withdraw(viewer, id);
  }
}
