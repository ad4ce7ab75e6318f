import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import { SecretVerifier } from '@eldercare/secrets';
import type { AuthenticateError, AuthErrorCode, Client, PublishPacket, Subscription } from 'aedes';
import {
  type AccountIdentification,
  type BrokerAccount,
  identifyAccount,
  mayPublish,
  maySubscribe,
} from './broker-access.rule';
import { BrokerLoginThrottle } from './broker-login-throttle';
import type { DeviceCredentialStore } from './device-credential.store';

/** The part of a pino logger the broker uses. */
export interface BrokerLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface ServiceAccount {
  username: string;
  password: string;
}

/**
 * Device secrets checked at once, at most: fewer than libuv's four threads, so a burst of wrong passwords leaves
 * threads for the rest of the process (the console's sign-ins in the all-in-one process).
 */
const CONCURRENT_SECRET_CHECKS = 2;

/** A refusal that says "not now": the device should try again later (the throttle's wait, the registry down). */
type LoginOutcome = AccountIdentification | { retryLater: string };

/** CONNACK return codes of MQTT 3.1.1 (aedes speaks nothing newer). */
const SERVER_UNAVAILABLE = 3 as AuthErrorCode;
const NOT_AUTHORIZED = 5 as AuthErrorCode;

/**
 * aedes' authenticate / authorizePublish / authorizeSubscribe hooks, applying the same account and
 * topic rules as the Mosquitto roles (broker-access.rule). Every connect checks the device registry
 * afresh, so a retired device is refused on its next connect. Failed logins are slowed per device id and per
 * address (BrokerLoginThrottle), and secrets are checked a few at a time, devices known at their address first.
 */
export class AedesAccessGuard {
  /** The account each authenticated connection logged in as. */
  private readonly accounts = new WeakMap<Client, BrokerAccount>();
  private readonly servicePasswordDigest: Buffer;

  constructor(
    private readonly credentials: DeviceCredentialStore,
    private readonly service: ServiceAccount,
    private readonly logger: BrokerLogger,
    private readonly throttle = new BrokerLoginThrottle(),
    private readonly secrets = new SecretVerifier(CONCURRENT_SECRET_CHECKS),
  ) {
    this.servicePasswordDigest = digest(service.password);
  }

  readonly authenticate = (
    client: Client,
    username: Readonly<string | undefined>,
    password: Readonly<Buffer | undefined>,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void => {
    const refuse = (returnCode: AuthErrorCode, reason: string) => {
      this.logger.warn({ clientId: client.id, username, reason }, 'broker connection refused');
      done(Object.assign(new Error(reason), { returnCode }), false);
    };
    const address = (client.conn as Partial<Socket>).remoteAddress ?? 'unknown';
    this.checkLogin(client.id, username, password?.toString('utf8') ?? '', address).then(
      (identified) => {
        if ('retryLater' in identified) return refuse(SERVER_UNAVAILABLE, identified.retryLater);
        if ('refusal' in identified) return refuse(NOT_AUTHORIZED, identified.refusal);
        this.accounts.set(client, identified.account);
        done(null, true);
      },
      // The registry being unreachable is not the device's fault: "server unavailable" makes it retry.
      (error: unknown) =>
        refuse(
          SERVER_UNAVAILABLE,
          `credential check failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
  };

  /** Refusing makes aedes close the connection (MQTT 3.1.1 allows it; Mosquitto drops the message instead). */
  readonly authorizePublish = (
    client: Client | null,
    packet: PublishPacket,
    callback: (error?: Error | null) => void,
  ): void => {
    // A null client is a will left by a broker that has gone: nobody to check it against.
    const account = client && this.accounts.get(client);
    if (account && mayPublish(account, packet.topic)) return callback(null);
    this.logger.warn(
      { clientId: client?.id, topic: packet.topic },
      'broker publish refused: topic not allowed for this account',
    );
    callback(new Error(`publishing to ${packet.topic} is not allowed`));
  };

  /** Refusing answers SUBACK 0x80 for that filter and keeps the connection. */
  readonly authorizeSubscribe = (
    client: Client,
    subscription: Subscription,
    callback: (error: Error | null, subscription?: Subscription | null) => void,
  ): void => {
    const account = this.accounts.get(client);
    if (subscription.topic.startsWith('$share/')) {
      this.logger.warn(
        { clientId: client.id, topic: subscription.topic },
        'broker subscription refused: the embedded broker has no shared subscriptions, and this filter would match nothing; subscribe to the plain filter',
      );
      return callback(null, null);
    }
    if (account && maySubscribe(account, subscription.topic)) return callback(null, subscription);
    this.logger.warn(
      { clientId: client.id, topic: subscription.topic },
      'broker subscription refused: filter not allowed for this account',
    );
    callback(null, null);
  };

  private async checkLogin(
    clientId: string,
    username: string | undefined,
    password: string,
    address: string,
  ): Promise<LoginOutcome> {
    const identified = identifyAccount({ clientId, username }, this.service.username);
    if ('refusal' in identified) return identified;
    const wait = this.throttle.takeTry(clientId, address, Date.now());
    if (wait > 0) return { retryLater: `too many failed logins: try again in ${Math.ceil(wait / 1000)} s` };
    const outcome = await this.checkSecret(
      identified,
      password,
      this.throttle.isKnown(clientId, address, Date.now()),
    ).catch((error: unknown) => {
      this.throttle.withdrawn(clientId, address, Date.now());
      throw error;
    });
    if ('refusal' in outcome) this.throttle.failed(clientId, address, Date.now());
    else this.throttle.succeeded(clientId, address, Date.now());
    return outcome;
  }

  private async checkSecret(
    identified: { account: BrokerAccount },
    password: string,
    known: boolean,
  ): Promise<AccountIdentification> {
    const { account } = identified;
    if (account.kind === 'service') {
      return timingSafeEqual(digest(password), this.servicePasswordDigest) ? identified : { refusal: 'wrong password' };
    }
    const credentials = await this.credentials.findCredentials(account.deviceId);
    if (!credentials) return { refusal: 'unknown device' };
    if (!credentials.active) return { refusal: 'device is retired' };
    const valid = await this.secrets.check(password, credentials.secretHash, known ? 'known' : 'other');
    return valid ? identified : { refusal: 'wrong password' };
  }
}

/** Equal-length digests, so comparing them says nothing about the password's length. */
function digest(password: string): Buffer {
  return createHash('sha256').update(password, 'utf8').digest();
}
