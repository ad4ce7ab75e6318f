import type { DataSource } from 'typeorm';

/** A month in the report archive, without its workbook. */
export interface ArchivedReportRecord {
  month: string;
  madeAt: Date;
  bytes: number;
}

/** The city's monthly reports as made on schedule, one workbook per month. */
export class ReportArchiveRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the month's workbook, replacing one made before for the same month. */
  async store(month: string, madeAt: Date, workbook: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO report_archive (month, made_at, workbook) VALUES ($1, $2, $3)
       ON CONFLICT (month) DO UPDATE SET made_at = excluded.made_at, workbook = excluded.workbook`,
      [month, madeAt, workbook],
    );
  }

  /** Every archived month, newest first. */
  async list(): Promise<ArchivedReportRecord[]> {
    const rows: { month: string; made_at: Date; bytes: number }[] = await this.dataSource.query(
      `SELECT month, made_at, octet_length(workbook) AS bytes FROM report_archive ORDER BY month DESC`,
    );
    return rows.map((row) => ({ month: row.month, madeAt: row.made_at, bytes: row.bytes }));
  }

  async workbookOf(month: string): Promise<Buffer | undefined> {
    const [row]: { workbook: Buffer }[] = await this.dataSource.query(
      `SELECT workbook FROM report_archive WHERE month = $1`,
      [month],
    );
    return row?.workbook;
  }
}
