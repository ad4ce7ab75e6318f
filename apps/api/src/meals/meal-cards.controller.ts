import { Controller, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { FacesService } from './faces.service';

const elderId = idParam('elder-not-found');

@ApiTags('canteens')
@Controller('api/elders/:id/meal-card')
export class MealCardsController {
  constructor(private readonly faces: FacesService) {}

  /** Issues the elder's QR card at the enrolment desk (a new code voids the old card): the code to print. */
  @Put()
  @Requires('faces.enrol')
  @HttpCode(HttpStatus.OK)
  issue(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<{ code: string }> {
    return this.faces.issueCard(viewer, id);
  }
}
