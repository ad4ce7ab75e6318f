import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UserAccountService } from './user-account.service';
import { UsersController } from './users.controller';

/** Users' accounts, kept by admins. */
@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [UserAccountService],
})
export class UsersModule {}
