import type { SessionUser } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { CurrentViewer, Public, type RequestWithViewer } from './access.decorators';
import { SignInRequest } from './auth.dto';
import { AuthService } from './auth.service';
import { SignInDelayedError } from './sign-in-delayed.error';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { toSessionUser } from './session-user.mapper';
import type { Viewer } from './viewer';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  /**
   * Signs in and sets the session cookie. Failed tries are counted per account and address; one that comes too soon
   * after them is answered 429 with `Retry-After`, its password unchecked.
   */
  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  async login(
    @Body() body: SignInRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionUser> {
    const { viewer, token, expiresAt } = await this.auth
      .signIn(body.username, body.password, request.ip ?? 'unknown')
      .catch((error: unknown) => {
        if (error instanceof SignInDelayedError) response.setHeader('Retry-After', String(error.retryAfterSec));
        throw error;
      });
    response.setHeader('Set-Cookie', sessionCookie(token, expiresAt, this.options.session.cookieSecure));
    return toSessionUser(viewer);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Req() request: RequestWithViewer, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.signOut(request.sessionToken);
    response.setHeader('Set-Cookie', clearedSessionCookie(this.options.session.cookieSecure));
  }

  @Get('me')
  me(@CurrentViewer() viewer: Viewer): SessionUser {
    return toSessionUser(viewer);
  }
}
