import { DomainError } from '@eldercare/domain';
import { SecretVerifier } from '@eldercare/secrets';
import { UserRepository } from '@eldercare/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { LoginThrottle } from './login-throttle';
import { hashSessionToken, newSessionToken } from './session-token';
import { viewerOf, type Viewer } from './viewer';

/**
 * Passwords checked at once, at most: fewer than libuv's four threads, so a burst of sign-ins cannot take them all
 * from the rest of the process (the embedded broker's device logins in the all-in-one process).
 */
const CONCURRENT_PASSWORD_CHECKS = 2;

/** A hash to verify against when the name is unknown, so a wrong name costs as long as a wrong password. */
const UNKNOWN_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export interface SignedIn {
  viewer: Viewer;
  token: string;
  expiresAt: Date;
}

/** Signs users in and out, and turns a session token back into its user. */
@Injectable()
export class AuthService {
  private readonly sessionEndListeners: ((tokenHash: string) => void)[] = [];
  private readonly passwords = new SecretVerifier(CONCURRENT_PASSWORD_CHECKS);

  constructor(
    private readonly users: UserRepository,
    private readonly throttle: LoginThrottle,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async signIn(username: string, password: string, address: string, now = new Date()): Promise<SignedIn> {
    const name = username.trim().toLowerCase();
    await this.throttle.countTry(name, address);
    const found = await this.users.findForLogin(name);
    const valid = await this.passwords.check(password, found?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!found || !valid) throw new DomainError('invalid-credentials', 'wrong user name or password');
    await this.throttle.succeeded(name, address);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.options.session.ttlHours * 3_600_000);
    await this.users.createSession(hashSessionToken(token), found.user.id, expiresAt);
    return { viewer: viewerOf(found.user), token, expiresAt };
  }

  /** The viewer of a live session; undefined for none, an expired one or a disabled user. */
  async viewerOf(token: string | undefined, now = new Date()): Promise<Viewer | undefined> {
    if (!token) return undefined;
    const user = await this.users.findBySession(hashSessionToken(token), now);
    return user && viewerOf(user);
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = hashSessionToken(token);
    await this.users.deleteSession(tokenHash);
    this.sessionsEnded([tokenHash]);
  }

  /**
   * Tells that sessions have ended (signed out, or deleted with their disabled user), so that what still holds them
   * open, the live sockets, closes too.
   */
  sessionsEnded(tokenHashes: readonly string[]): void {
    for (const tokenHash of tokenHashes) for (const listener of this.sessionEndListeners) listener(tokenHash);
  }

  /** Called with the hash of each session that ends: the live sockets of that session close. */
  onSessionEnd(listener: (tokenHash: string) => void): void {
    this.sessionEndListeners.push(listener);
  }
}
