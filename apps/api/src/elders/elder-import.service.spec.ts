import { ELDER_CSV_COLUMNS, type ImportReport } from '@eldercare/contracts';
import { DomainErrorWithDetails, residentIdCheckCharacter } from '@eldercare/domain';
import type { Viewer } from '../auth/viewer';
import { FakeAudit } from '../fakes/fake-audit';
import { FakeElderRegistry } from '../fakes/fake-elder-registry';
import { ElderImportService } from './elder-import.service';

const supervisor = { id: 'user-1', scope: { kind: 'city' } } as Viewer;

let sequence = 0;
function idNumberBornOn(birthDate: string): string {
  sequence += 1;
  const first17 = `360102${birthDate.replaceAll('-', '')}${String(sequence * 2).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function row(overrides: Partial<Record<(typeof ELDER_CSV_COLUMNS)[number], string>> = {}): string {
  const cells: Record<string, string> = {
    name: '陈秀珍',
    gender: '女',
    birthDate: '1940-05-06',
    idNumber: idNumberBornOn('1940-05-06'),
    phone: '0791-86123456',
    address: '东湖区公园路8号',
    communityCode: '360102001001',
    categories: '独居',
    medicalNotes: '',
    contacts: '陈明|儿子|13811114444',
    keySafeCode: '',
    homeLat: '',
    homeLon: '',
    ...overrides,
  };
  return ELDER_CSV_COLUMNS.map((column) => cells[column]).join(',');
}

const file = (...rows: string[]) => new TextEncoder().encode([ELDER_CSV_COLUMNS.join(','), ...rows].join('\n'));

/** The report of a refused import; fails the test when the import went through or failed otherwise. */
async function refusalOf(importing: Promise<ImportReport>): Promise<ImportReport> {
  const error = await importing.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainErrorWithDetails);
  expect((error as DomainErrorWithDetails).code).toBe('import-invalid');
  return (error as DomainErrorWithDetails<ImportReport>).details;
}

describe('ElderImportService', () => {
  let registry: FakeElderRegistry;
  let audit: FakeAudit;
  let sut: ElderImportService;

  beforeEach(() => {
    registry = new FakeElderRegistry();
    audit = new FakeAudit();
    sut = new ElderImportService(registry.asRepository(), audit.asRepository());
  });

  it('writes every row in one transaction, in its community, with 高龄 from the birth date and an audit entry each', async () => {
    const first = idNumberBornOn('1940-05-06');
    const second = idNumberBornOn('1990-01-01');

    const report = await sut.import(
      supervisor,
      file(row({ idNumber: first }), row({ name: '周建国', birthDate: '1990-01-01', idNumber: second, gender: '男' })),
    );

    expect(report).toEqual({ imported: 2, problems: [] });
    expect(registry.transactions).toBe(1);
    expect(registry.inserted).toMatchObject([
      {
        idNumber: first,
        communityId: 'community-1',
        categories: expect.arrayContaining(['living_alone', 'advanced_age']),
      },
      { idNumber: second, name: '周建国', gender: 'male', communityId: 'community-1', categories: ['living_alone'] },
    ]);
    expect(registry.inserted[1]).not.toHaveProperty('communityCode');
    expect(audit.entries).toEqual([
      {
        userId: 'user-1',
        action: 'elder.create',
        elderId: 'elder-1',
        subject: 'elder:elder-1',
        detail: { import: true, line: 2 },
      },
      {
        userId: 'user-1',
        action: 'elder.create',
        elderId: 'elder-2',
        subject: 'elder:elder-2',
        detail: { import: true, line: 3 },
      },
    ]);
  });

  it('writes nothing and reports every problem by line, then by column in the order of the file', async () => {
    const repeated = idNumberBornOn('1940-05-06');
    const valid = idNumberBornOn('1940-05-06');
    const wrongCheckCharacter = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');

    const report = await refusalOf(
      sut.import(
        supervisor,
        file(
          row({ idNumber: repeated }),
          row({ idNumber: wrongCheckCharacter, phone: 'call me' }),
          row({ idNumber: repeated, communityCode: '360102001' }),
        ),
      ),
    );

    expect(report.imported).toBe(0);
    expect(report.problems.map(({ line, column }) => [line, column])).toEqual([
      [3, 'idNumber'],
      [3, 'phone'],
      [4, 'idNumber'],
      [4, 'communityCode'],
    ]);
    expect(report.problems[2].message).toBe('the same ID number as line 2');
    expect(report.problems[3].message).toMatch(/is a street/);
    expect(registry.inserted).toEqual([]);
    expect(audit.entries).toEqual([]);
  });

  it('refuses a row whose community is not the writer’s to place elders in', async () => {
    const report = await refusalOf(sut.import(supervisor, file(row({ communityCode: '360102009009' }))));

    expect(report.problems).toEqual([
      { line: 2, column: 'communityCode', message: 'no community with this code is yours to place elders in' },
    ]);
    expect(registry.inserted).toEqual([]);
  });

  it('refuses a person already on record, checked inside the write transaction', async () => {
    const known = idNumberBornOn('1940-05-06');
    registry.onRecord.add(known);

    const report = await refusalOf(sut.import(supervisor, file(row(), row({ idNumber: known }))));

    expect(report.problems).toEqual([
      { line: 3, column: 'idNumber', message: 'an elder with this ID number is already registered' },
    ]);
    expect(registry.transactions).toBe(1);
    expect(registry.inserted).toEqual([]);
  });

  it('refuses a file with a header and no rows', async () => {
    const report = await refusalOf(sut.import(supervisor, file()));

    expect(report.problems).toEqual([{ line: 2, column: '', message: 'no rows under the header: nothing to import' }]);
    expect(registry.transactions).toBe(0);
  });
});
