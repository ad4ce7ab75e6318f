import type { CanteenView, DinerView, MealSubsidyRule, MealView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import {
  CanteenRequest,
  DinerLookupRequest,
  FaceCheckRequest,
  MealRequest,
  MealsQuery,
  MealSubsidyRequest,
} from './meal.dto';
import { CanteensService } from './canteens.service';
import { MealTerminalService } from './meal-terminal.service';

const canteenId = idParam('canteen-not-found');

@ApiTags('canteens')
@Controller('api')
export class CanteensController {
  constructor(
    private readonly canteens: CanteensService,
    private readonly terminal: MealTerminalService,
  ) {}

  @Get('canteens')
  @Requires('canteens.read')
  list(@CurrentViewer() viewer: Viewer): Promise<CanteenView[]> {
    return this.canteens.list(viewer);
  }

  @Post('canteens')
  @Requires('canteens.manage')
  create(@CurrentViewer() viewer: Viewer, @Body() body: CanteenRequest): Promise<CanteenView> {
    return this.canteens.create(viewer, body);
  }

  @Get('meal-subsidies')
  @Requires('canteens.read')
  subsidies(): Promise<MealSubsidyRule[]> {
    return this.canteens.subsidyRules();
  }

  /** A category's subsidy from a date on: the bureau's. */
  @Post('meal-subsidies')
  @Requires('meal-subsidies.write')
  @HttpCode(HttpStatus.OK)
  setSubsidy(@CurrentViewer() viewer: Viewer, @Body() body: MealSubsidyRequest): Promise<MealSubsidyRule[]> {
    return this.canteens.setSubsidyRule(viewer, body);
  }

  /** The elder by QR card or ID number, with why the face check was not used. */
  @Post('canteens/:id/diner')
  @Requires('meals.serve')
  @HttpCode(HttpStatus.OK)
  diner(
    @CurrentViewer() viewer: Viewer,
    @Param('id', canteenId) id: string,
    @Body() body: DinerLookupRequest,
  ): Promise<DinerView> {
    return this.terminal.findDiner(viewer, id, body);
  }

  /** The elder by the terminal camera's frames: matched, liveness checked and recorded by the api. */
  @Post('canteens/:id/face')
  @Requires('meals.serve')
  @HttpCode(HttpStatus.OK)
  face(
    @CurrentViewer() viewer: Viewer,
    @Param('id', canteenId) id: string,
    @Body() body: FaceCheckRequest,
  ): Promise<DinerView> {
    return this.terminal.findDinerByFace(viewer, id, body.frames);
  }

  @Post('canteens/:id/meals')
  @Requires('meals.serve')
  serve(
    @CurrentViewer() viewer: Viewer,
    @Param('id', canteenId) id: string,
    @Body() body: MealRequest,
  ): Promise<MealView> {
    return this.terminal.serve(viewer, id, body);
  }

  @Get('canteens/:id/meals')
  @Requires('meals.serve')
  meals(
    @CurrentViewer() viewer: Viewer,
    @Param('id', canteenId) id: string,
    @Query() query: MealsQuery,
  ): Promise<MealView[]> {
    return this.terminal.mealsOf(viewer, id, query.date);
  }
}
