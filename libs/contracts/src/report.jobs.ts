/** Archive the city's monthly report as a workbook, replacing an earlier copy of the same month. */
export interface ArchiveMonthlyReportJob {
  /** `YYYY-MM`, a local month; the month before the job runs when left out, as the scheduler's jobs leave it. */
  month?: string;
}
