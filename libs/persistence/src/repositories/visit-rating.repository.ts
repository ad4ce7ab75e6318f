import type { DataSource } from 'typeorm';

/** A family's stars for a visit that was made: one per visit. */
export class VisitRatingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the rating; false, storing nothing, when the visit has one already. */
  async add(workOrderId: string, userId: string, stars: number, comment: string): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO visit_ratings (work_order_id, user_id, stars, comment) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING work_order_id`,
      [workOrderId, userId, stars, comment],
    );
    return inserted.length > 0;
  }
}
