import type { CanteenRepository } from '@eldercare/persistence';

/** No meal orders: for specs of work orders that carry none. */
export class FakeMealOrders {
  asRepository(): CanteenRepository {
    const repository: Pick<CanteenRepository, 'cancelMealOrderOfWorkOrder'> = {
      cancelMealOrderOfWorkOrder: async () => undefined,
    };
    return repository as CanteenRepository;
  }
}
