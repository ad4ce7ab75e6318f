import type { Permission } from '@eldercare/domain';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Viewer } from './viewer';

export const PUBLIC_ROUTE = 'eldercare:public';
export const REQUIRED_PERMISSION = 'eldercare:permission';

/** Anyone may call this route: sign-in, health, metrics. Every other route needs a session. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The route needs one of these permissions of the viewer's role; their scope still decides which records. */
export const Requires = (...permissions: [Permission, ...Permission[]]) =>
  SetMetadata(REQUIRED_PERMISSION, permissions);

export type RequestWithViewer = Request & { viewer?: Viewer; sessionToken?: string };

/** The viewer the session guard found for this request. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const viewer = context.switchToHttp().getRequest<RequestWithViewer>().viewer;
  if (!viewer) throw new Error('CurrentViewer on a route without a session');
  return viewer;
});
