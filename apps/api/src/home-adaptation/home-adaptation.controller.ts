import type { AdaptationBudgetView, AdaptationCaseView, AdaptationPhotoView } from '@eldercare/contracts';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import {
  AdaptationCaseQuery,
  AdaptationStepBody,
  AdaptationStepParam,
  BudgetBody,
  BudgetYearParam,
  CapsBody,
  NewAdaptationCaseBody,
  PhotoQuery,
} from './home-adaptation.dto';
import { HomeAdaptationService } from './home-adaptation.service';

const caseId = idParam('adaptation-case-not-found');
const photoId = idParam('adaptation-photo-not-found');

/** Home adaptation (适老化改造): the catalogue, the bureau's caps and budget, cases, their steps and photos. */
@ApiTags('home-adaptation')
@Controller('api')
export class HomeAdaptationController {
  constructor(private readonly adaptation: HomeAdaptationService) {}

  @Get('adaptation/catalogue')
  @Requires('adaptation.read')
  catalogue() {
    return this.adaptation.catalogue();
  }

  @Get('adaptation/caps')
  @Requires('adaptation.read')
  caps(): Promise<Record<string, number>> {
    return this.adaptation.caps();
  }

  @Put('adaptation/caps')
  @Requires('adaptation.settings')
  setCaps(@CurrentViewer() viewer: Viewer, @Body() body: CapsBody): Promise<Record<string, number>> {
    return this.adaptation.setCaps(viewer, body as Record<string, number>);
  }

  @Get('adaptation/budgets/:year')
  @Requires('adaptation.settings')
  budget(@Param() params: BudgetYearParam): Promise<AdaptationBudgetView> {
    return this.adaptation.budget(params.year);
  }

  @Put('adaptation/budgets/:year')
  @Requires('adaptation.settings')
  @HttpCode(HttpStatus.NO_CONTENT)
  setBudget(
    @CurrentViewer() viewer: Viewer,
    @Param() params: BudgetYearParam,
    @Body() body: BudgetBody,
  ): Promise<void> {
    return this.adaptation.setBudget(viewer, params.year, body.budgetYuan);
  }

  @Get('adaptation-cases')
  @Requires('adaptation.read')
  search(@CurrentViewer() viewer: Viewer, @Query() query: AdaptationCaseQuery): Promise<AdaptationCaseView[]> {
    return this.adaptation.search(viewer, query);
  }

  @Get('adaptation-cases/late')
  @Requires('adaptation.manage')
  late(@CurrentViewer() viewer: Viewer): Promise<AdaptationCaseView[]> {
    return this.adaptation.late(viewer);
  }

  @Post('adaptation-cases')
  @Requires('adaptation.manage')
  open(@CurrentViewer() viewer: Viewer, @Body() body: NewAdaptationCaseBody): Promise<AdaptationCaseView> {
    return this.adaptation.open(viewer, body);
  }

  @Get('adaptation-cases/:id')
  @Requires('adaptation.read')
  get(@CurrentViewer() viewer: Viewer, @Param('id', caseId) id: string): Promise<AdaptationCaseView> {
    return this.adaptation.get(viewer, id);
  }

  /** The step's own permission is checked by the service: building, accepting, settling are different people's. */
  @Post('adaptation-cases/:id/steps/:step')
  @Requires('adaptation.manage', 'adaptation.agree', 'adaptation.build', 'adaptation.inspect', 'adaptation.settle')
  @HttpCode(HttpStatus.OK)
  step(
    @CurrentViewer() viewer: Viewer,
    @Param('id', caseId) id: string,
    @Param() params: AdaptationStepParam,
    @Body() body: AdaptationStepBody,
  ): Promise<AdaptationCaseView> {
    return this.adaptation.step(viewer, id, params.step, body);
  }

  /** Staff add any photo; a contractor those of the works, before and after (checked by the service). */
  @Post('adaptation-cases/:id/photos')
  @Requires('adaptation.manage', 'adaptation.build')
  addPhoto(
    @CurrentViewer() viewer: Viewer,
    @Param('id', caseId) id: string,
    @Query() query: PhotoQuery,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
  ): Promise<AdaptationPhotoView> {
    return this.adaptation.addPhoto(viewer, id, { kind: query.kind, contentType, bytes: request.body as unknown });
  }

  @Get('adaptation-cases/:id/photos/:photoId')
  @Requires('adaptation.read')
  async photo(
    @CurrentViewer() viewer: Viewer,
    @Param('id', caseId) id: string,
    @Param('photoId', photoId) photo: string,
    @Res() response: Response,
  ): Promise<void> {
    const { contentType, bytes } = await this.adaptation.photo(viewer, id, photo);
    response
      .status(200)
      .set({ 'content-type': contentType, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' })
      .send(bytes);
  }
}
