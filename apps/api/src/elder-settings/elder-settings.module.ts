import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { ElderSettingsController } from './elder-settings.controller';
import { ElderSettingsService } from './elder-settings.service';

/** What tunes the rules for one elder: thresholds and absences. */
@Module({
  imports: [EldersModule],
  controllers: [ElderSettingsController],
  providers: [ElderSettingsService],
})
export class ElderSettingsModule {}
