import { Module } from '@nestjs/common';
import { UserAccountService } from './user-account.service';
import { UsersController } from './users.controller';

/** Users' accounts, kept by admins. */
@Module({
  controllers: [UsersController],
  providers: [UserAccountService],
})
export class UsersModule {}
