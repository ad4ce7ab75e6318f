import type { UserView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { UserAccountService } from './user-account.service';
import { CreateUserRequest } from './user.dto';

const userId = idParam('user-not-found');

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly accounts: UserAccountService) {}

  /** Every account, disabled ones included. */
  @Get()
  @Requires('users.manage')
  list(): Promise<UserView[]> {
    return this.accounts.list();
  }

  @Post()
  @Requires('users.manage')
  create(@CurrentViewer() viewer: Viewer, @Body() body: CreateUserRequest): Promise<UserView> {
    return this.accounts.create(viewer, body);
  }

  /** The user can no longer sign in, and every session they have open ends. */
  @Post(':id/disable')
  @Requires('users.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  disable(@CurrentViewer() viewer: Viewer, @Param('id', userId) id: string): Promise<void> {
    return this.accounts.disable(viewer, id);
  }
}
