import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The city's report of one local month, as the workbook made for the archive. */
@Entity({ name: 'report_archive' })
@Check('report_archive_month_check', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class ArchivedReportEntity {
  /** `YYYY-MM`. */
  @PrimaryColumn({ type: 'text' })
  month: string;

  @Column({ name: 'made_at', type: 'timestamptz' })
  madeAt: Date;

  @Column({ type: 'bytea' })
  workbook: Buffer;
}
