import { can, DomainError, type Permission } from '@eldercare/domain';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION, type RequestWithViewer } from './access.decorators';
import { AuthService } from './auth.service';
import { sessionTokenFrom } from './session-cookie';

/** Every route needs a live session unless marked `@Public()`, and one of the permissions it `@Requires`. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    const token = sessionTokenFrom(request.headers.cookie);
    const viewer = await this.auth.viewerOf(token);
    if (!viewer) throw new DomainError('unauthenticated', 'sign in first');
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSION, targets);
    if (permissions && !permissions.some((permission) => can(viewer.role, permission)))
      throw new DomainError('forbidden', `a ${viewer.role} may not do this`);
    request.viewer = viewer;
    request.sessionToken = token;
    return true;
  }
}
