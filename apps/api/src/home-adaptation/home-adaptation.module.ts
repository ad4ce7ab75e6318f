import {
  Inject,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { API_OPTIONS, type ApiOptions, type PhotoStorageOptions } from '../api.options';
import { EldersModule } from '../elders/elders.module';
import { HomeAdaptationController } from './home-adaptation.controller';
import { HomeAdaptationService } from './home-adaptation.service';
import { photoBody } from './photo-body.middleware';
import { LocalDiskPhotoStorage, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { S3PhotoStorage } from './s3-photo-storage';

const photoStorageOf = (options: PhotoStorageOptions): PhotoStorage =>
  options.kind === 's3' ? new S3PhotoStorage(options) : new LocalDiskPhotoStorage(options.dir);

/** Home adaptation cases, their steps and photos (on local disk or in an S3-compatible store, as configured). */
@Module({
  imports: [EldersModule],
  controllers: [HomeAdaptationController],
  providers: [
    HomeAdaptationService,
    {
      provide: PHOTO_STORAGE,
      useFactory: (options: ApiOptions) => photoStorageOf(options.photoStorage),
      inject: [API_OPTIONS],
    },
  ],
})
export class HomeAdaptationModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(photoBody()).forRoutes({ path: 'api/adaptation-cases/:id/photos', method: RequestMethod.POST });
  }

  onApplicationShutdown(): void {
    this.storage.close?.();
  }
}
