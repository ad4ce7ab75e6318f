import { ELDER_CSV_COLUMNS, type ImportProblem, type ImportReport } from '@eldercare/contracts';
import { DomainErrorWithDetails, ELDER_IMPORT_LIMITS, elderDraftFromCsv, readCsvTable } from '@eldercare/domain';
import { AuditRepository, ElderRegistryRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Viewer } from '../auth/viewer';
import { onRecord } from './elder-on-record';
import { elderDraftSchema } from './elder.dto';

type ElderCsvColumn = (typeof ELDER_CSV_COLUMNS)[number];

type CheckedRow = { line: number; elder: z.output<typeof elderDraftSchema> };

/**
 * Imports elders from a CSV file all at once or not at all: every row is checked as a record sent by the form would
 * be, plus what only a file can get wrong (its encoding, header and syntax, an ID number on two lines, a community
 * code outside the writer's scope, a person already registered). If anything is wrong, nothing is written and every
 * problem is reported with its line and column; otherwise every elder is inserted in one transaction, each with its
 * audit entry.
 */
@Injectable()
export class ElderImportService {
  constructor(
    private readonly registry: ElderRegistryRepository,
    private readonly audit: AuditRepository,
  ) {}

  async import(viewer: Viewer, file: Uint8Array): Promise<ImportReport> {
    const table = readCsvTable(file, ELDER_CSV_COLUMNS, ELDER_IMPORT_LIMITS);
    const problems: ImportProblem[] = [...table.problems];
    if (table.rows.length === 0) {
      if (problems.length === 0)
        problems.push({ line: 2, column: '', message: 'no rows under the header: nothing to import' });
      throw refusal(problems);
    }

    const checked: CheckedRow[] = [];
    for (const { line, cells } of table.rows) {
      const read = elderDraftFromCsv(cells);
      problems.push(...read.problems.map((problem) => ({ line, ...problem })));
      const parsed = elderDraftSchema.safeParse(read.draft);
      if (parsed.success && read.problems.length === 0) checked.push({ line, elder: parsed.data });
      // A column the row could not even be read in already has its problem; the record's checks would only repeat it.
      const unread = new Set<string>(read.problems.map((problem) => problem.column));
      if (!parsed.success)
        problems.push(
          ...problemsOf(line, parsed.error.issues, read.draft.categories).filter(
            (problem) => !unread.has(problem.column),
          ),
        );
    }
    problems.push(...repeatedIdNumbers(checked));
    const communityIds = await this.communitiesOf(viewer, checked, problems);

    return this.registry.inWriteTransaction(async (manager) => {
      const registered = await this.registry.registeredIdNumbers(
        manager,
        checked.map((row) => row.elder.idNumber),
      );
      for (const row of checked) {
        if (registered.has(row.elder.idNumber))
          problems.push({
            line: row.line,
            column: 'idNumber',
            message: 'an elder with this ID number is already registered',
          });
      }
      if (problems.length > 0) throw refusal(problems);

      const ids = await this.registry.insert(
        manager,
        checked.map(({ elder: { communityCode, ...elder } }) =>
          onRecord({ ...elder, communityId: communityIds.get(communityCode)! }),
        ),
      );
      await this.audit.appendMany(
        ids.map((elderId, index) => ({
          userId: viewer.id,
          action: 'elder.create',
          elderId,
          subject: `elder:${elderId}`,
          detail: { import: true, line: checked[index].line },
        })),
        manager,
      );
      return { imported: ids.length, problems: [] };
    });
  }

  /** The id of each community code the rows name that the writer may place elders in; a problem for every other. */
  private async communitiesOf(
    viewer: Viewer,
    rows: CheckedRow[],
    problems: ImportProblem[],
  ): Promise<Map<string, string>> {
    const codes = [...new Set(rows.map((row) => row.elder.communityCode))];
    const regions = await this.registry.regionsInScope(viewer.scope, { codes });
    const levelOf = new Map(regions.map((region) => [region.code, region.level]));
    for (const row of rows) {
      const level = levelOf.get(row.elder.communityCode);
      if (level === undefined)
        problems.push({
          line: row.line,
          column: 'communityCode',
          message: 'no community with this code is yours to place elders in',
        });
      else if (level !== 'community')
        problems.push({
          line: row.line,
          column: 'communityCode',
          message: `is a ${level}: an elder lives in a community (村/社区)`,
        });
    }
    return new Map(regions.filter((region) => region.level === 'community').map((region) => [region.code, region.id]));
  }
}

function refusal(problems: ImportProblem[]): DomainErrorWithDetails<ImportReport> {
  const sorted = [...problems].sort(
    (a, b) =>
      a.line - b.line ||
      ELDER_CSV_COLUMNS.indexOf(a.column as ElderCsvColumn) - ELDER_CSV_COLUMNS.indexOf(b.column as ElderCsvColumn),
  );
  const lines = new Set(sorted.map((problem) => problem.line)).size;
  return new DomainErrorWithDetails(
    'import-invalid',
    `${sorted.length} problem(s) on ${lines} line(s); nothing was imported`,
    { imported: 0, problems: sorted },
  );
}

/** The second and later rows of a person already on an earlier line of the file. */
function repeatedIdNumbers(rows: CheckedRow[]): ImportProblem[] {
  const firstLine = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const first = firstLine.get(row.elder.idNumber);
    if (first === undefined) firstLine.set(row.elder.idNumber, row.line);
    else problems.push({ line: row.line, column: 'idNumber', message: `the same ID number as line ${first}` });
  }
  return problems;
}

/** The record's refusals in the file's terms: the column of each field, the contact by its place in the cell. */
function problemsOf(line: number, issues: z.core.$ZodIssue[], categories: string[]): ImportProblem[] {
  return issues.map((issue) => {
    const [field, index, part] = issue.path;
    if (field === 'home')
      return { line, column: issue.path[1] === 'lon' ? 'homeLon' : 'homeLat', message: issue.message };
    if (field === 'contacts' && typeof index === 'number')
      return {
        line,
        column: 'contacts',
        message: `contact ${index + 1}${part === undefined ? '' : ` ${String(part)}`} ${issue.message}`,
      };
    if (field === 'categories' && typeof index === 'number')
      return { line, column: 'categories', message: `${categories[index]} ${issue.message}` };
    return { line, column: typeof field === 'string' ? field : '', message: issue.message };
  });
}
