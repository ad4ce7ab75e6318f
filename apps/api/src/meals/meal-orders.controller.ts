import type { MealOrderView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { MealOrderRequest, MealOrdersQuery } from './meal.dto';
import { MealOrdersService } from './meal-orders.service';

const mealOrderId = idParam('meal-order-not-found');

@ApiTags('meal-orders')
@Controller('api/meal-orders')
export class MealOrdersController {
  constructor(private readonly orders: MealOrdersService) {}

  @Get()
  @Requires('meals.order')
  list(@CurrentViewer() viewer: Viewer, @Query() query: MealOrdersQuery): Promise<MealOrderView[]> {
    return this.orders.ordersOf(viewer, query.elderId);
  }

  /** A canteen meal for the family's own elder, paid remotely; a delivered one becomes the provider's work order. */
  @Post()
  @Requires('meals.order')
  order(@CurrentViewer() viewer: Viewer, @Body() body: MealOrderRequest): Promise<MealOrderView> {
    return this.orders.order(viewer, body);
  }

  @Post(':id/cancel')
  @Requires('meals.order')
  @HttpCode(HttpStatus.OK)
  cancel(@CurrentViewer() viewer: Viewer, @Param('id', mealOrderId) id: string): Promise<MealOrderView> {
    return this.orders.cancel(viewer, id);
  }
}
