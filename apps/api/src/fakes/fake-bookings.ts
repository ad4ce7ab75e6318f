import type { BookingRepository } from '@eldercare/persistence';

/** The bookings' visit codes by work order, for specs of the work orders' check-in. */
export class FakeBookings {
  readonly visitCodes = new Map<string, string>();

  asRepository(): BookingRepository {
    const codes = this.visitCodes;
    const repository: Pick<BookingRepository, 'visitCodeOfWorkOrder'> = {
      visitCodeOfWorkOrder: async (workOrderId) => codes.get(workOrderId) ?? null,
    };
    return repository as BookingRepository;
  }
}
