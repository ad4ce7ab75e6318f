import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { EldersModule } from '../elders/elders.module';
import { HomeAdaptationController } from './home-adaptation.controller';
import { HomeAdaptationService } from './home-adaptation.service';
import { photoBody } from './photo-body.middleware';
import { LocalDiskPhotoStorage, PHOTO_STORAGE } from './photo-storage';

/** Home adaptation cases, their steps and photos (kept on local disk under the api's photo folder). */
@Module({
  imports: [EldersModule],
  controllers: [HomeAdaptationController],
  providers: [
    HomeAdaptationService,
    {
      provide: PHOTO_STORAGE,
      useFactory: (options: ApiOptions) => new LocalDiskPhotoStorage(options.photoDir),
      inject: [API_OPTIONS],
    },
  ],
})
export class HomeAdaptationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(photoBody()).forRoutes({ path: 'api/adaptation-cases/:id/photos', method: RequestMethod.POST });
  }
}
