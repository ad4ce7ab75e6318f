import type { AlertView, ClientToServerEvents, ServerToClientEvents } from '@eldercare/contracts';
import { can, type Role } from '@eldercare/domain';
import { AlertViewRepository, WorkOrderRepository } from '@eldercare/persistence';
import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AlertQueryService } from '../alerts/alert-query.service';
import { toAlertView } from '../alerts/alert-view.mapper';
import { AuthService } from '../auth/auth.service';
import { sessionTokenFrom } from '../auth/session-cookie';
import { hashSessionToken } from '../auth/session-token';
import type { Viewer } from '../auth/viewer';
import { toWorkOrderView } from '../home-care/work-order-view.mapper';
import { roomOfSession, roomsOfAlert, roomsOfScope, roomsOfStaff, roomsOfWorkOrder } from './alert-rooms';

interface SocketData {
  viewer: Viewer;
}

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Live events for consoles. A socket is authenticated by its session cookie when it connects, joins the rooms of
 * its viewer's scope, and is sent the open queue plus everything changed since the `since` it names; from then on
 * it hears `alert.raised` and `alert.updated` for the alerts its scope covers, and `work-order.updated` for the work
 * orders it has a part in.
 */
@WebSocketGateway({ serveClient: false })
export class ConsoleEventsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(ConsoleEventsGateway.name);

  @WebSocketServer()
  private server?: LiveServer;

  constructor(
    private readonly auth: AuthService,
    private readonly queries: AlertQueryService,
    private readonly views: AlertViewRepository,
    private readonly orders: WorkOrderRepository,
  ) {
    auth.onSessionEnd((tokenHash) => this.disconnectSession(tokenHash));
  }

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      this.admit(socket).then(
        (admitted) => next(admitted ? undefined : new Error('unauthenticated')),
        (error: Error) => next(error),
      );
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    if (!can(socket.data.viewer.role, 'alerts.read')) return;
    const since = sinceOf(socket.handshake.auth);
    try {
      socket.emit('alert.snapshot', await this.queries.snapshot(socket.data.viewer, since));
    } catch (error) {
      this.logger.error(`snapshot for ${socket.data.viewer.username} failed: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  /** Tells every console whose scope covers the alert, on every api instance (the Redis adapter fans out). */
  async announce(alertId: string, change: 'raised' | 'updated'): Promise<AlertView | undefined> {
    const row = await this.views.findForAnnouncement(alertId);
    if (!row || !this.server) return undefined;
    const view = toAlertView(row);
    this.server.to(roomsOfAlert(row)).emit(change === 'raised' ? 'alert.raised' : 'alert.updated', view);
    return view;
  }

  /** Tells each audience of the order (operators, the city, the family, the provider, the caregiver) in its mask. */
  async announceWorkOrder(workOrderId: string): Promise<void> {
    const row = await this.orders.findForAnnouncement(workOrderId);
    if (!row || !this.server) return;
    const rooms = roomsOfWorkOrder(row);
    const audiences: [string[], Role][] = [
      [rooms.operators, 'operator'],
      [rooms.city, 'bureau'],
      [rooms.family, 'family'],
      [rooms.provider, 'provider_admin'],
      [rooms.caregiver, 'caregiver'],
    ];
    for (const [to, role] of audiences)
      if (to.length > 0) this.server.to(to).emit('work-order.updated', toWorkOrderView(row, role));
  }

  /**
   * Joins the socket to its rooms if its session cookie opens a live session. The session is asked again once the
   * socket is in its session's room: a session ended between the two answers no, and one ended after the second
   * finds the socket in the room it closes. Either way no socket outlives its session.
   */
  private async admit(socket: LiveSocket): Promise<boolean> {
    const token = sessionTokenFrom(socket.handshake.headers.cookie);
    const viewer = await this.auth.viewerOf(token);
    if (!viewer) return false;
    socket.data.viewer = viewer;
    const rooms = can(viewer.role, 'alerts.read') ? roomsOfScope(viewer.scope) : [];
    await socket.join([...rooms, ...roomsOfStaff(viewer), roomOfSession(hashSessionToken(token!))]);
    return (await this.auth.viewerOf(token)) !== undefined;
  }

  /** Closes the session's sockets on every api instance (the Redis adapter carries the order across). */
  private disconnectSession(tokenHash: string): void {
    this.server?.in(roomOfSession(tokenHash)).disconnectSockets(true);
  }
}

/** The `since` a client sent, if it is a sequence number; anything else is treated as none. */
function sinceOf(auth: Record<string, unknown>): string | undefined {
  const since = auth?.since;
  return typeof since === 'string' && /^\d{1,18}$/.test(since) ? since : undefined;
}
