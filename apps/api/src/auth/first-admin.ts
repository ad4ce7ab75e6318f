import { hashSecret } from '@eldercare/secrets';
import { UserRepository } from '@eldercare/persistence';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';

/** A new deployment has no user to sign in with: the first administrator comes from ADMIN_USERNAME/ADMIN_PASSWORD. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly users: UserRepository,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.options.firstAdmin;
    if (!admin || (await this.users.count()) > 0) return;
    // Two replicas starting at once may both try: the unique user name lets one win.
    await this.users
      .create({
        username: admin.username,
        displayName: '系统管理员',
        passwordHash: await hashSecret(admin.password),
        role: 'admin',
      })
      .then(() => this.logger.log(`first administrator ${admin.username} created`))
      .catch((error: Error) => this.logger.warn(`first administrator not created: ${error.message}`));
  }
}
