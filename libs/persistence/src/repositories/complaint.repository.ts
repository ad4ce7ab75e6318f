import type { DataSource, EntityManager } from 'typeorm';

/** A complaint about an elder's care, naming the provider and the order when it is about one. */
export interface NewComplaint {
  elderId: string;
  providerId: string | null;
  workOrderId: string | null;
  userId: string;
  text: string;
}

/** Complaints as families file them; reports count them per provider. */
export class ComplaintRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new complaint's id. */
  async file(complaint: NewComplaint, manager: EntityManager | DataSource = this.dataSource): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO complaints (elder_id, provider_id, work_order_id, user_id, text) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [complaint.elderId, complaint.providerId, complaint.workOrderId, complaint.userId, complaint.text],
    );
    return id;
  }
}
