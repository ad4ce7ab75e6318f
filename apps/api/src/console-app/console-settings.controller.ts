import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_OPTIONS, type ApiOptions, type ConsoleSettings } from '../api.options';

@ApiTags('console')
@Controller('api/console')
export class ConsoleSettingsController {
  constructor(@Inject(API_OPTIONS) private readonly options: ApiOptions) {}

  /** Answer-time targets and the map tiles, for any signed-in user. */
  @Get('settings')
  settings(): ConsoleSettings {
    const { answerTargetSec, answerWorstSec, tileUrl, tileAttribution } = this.options.console;
    return { answerTargetSec, answerWorstSec, tileUrl, tileAttribution };
  }
}
