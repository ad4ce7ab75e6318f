import type { CarePlanRepository } from '@eldercare/persistence';

/**
 * The parts of the care-plan repository about providers and their caregivers, in memory. Care-plan lines are added
 * by the specs that need them.
 */
export class FakeProviders {
  private readonly caregivers = new Map<string, Set<string>>();

  provider(providerId: string, ...caregiverIds: string[]): this {
    this.caregivers.set(providerId, new Set(caregiverIds));
    return this;
  }

  async providerExists(id: string): Promise<boolean> {
    return this.caregivers.has(id);
  }

  async isCaregiverOf(providerId: string, userId: string): Promise<boolean> {
    return this.caregivers.get(providerId)?.has(userId) ?? false;
  }

  asRepository(): CarePlanRepository {
    return this as unknown as CarePlanRepository;
  }
}
