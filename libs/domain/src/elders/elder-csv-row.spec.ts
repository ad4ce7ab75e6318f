import { elderDraftFromCsv, type ElderCsvCells } from './elder-csv-row';

const row = (overrides: Partial<ElderCsvCells> = {}): ElderCsvCells => ({
  name: '王秀英',
  gender: 'female',
  birthDate: '1941-03-08',
  idNumber: '360102194103081228',
  phone: '13907911234',
  address: '东湖区八一大道1号3栋501',
  communityCode: '360102001001',
  categories: 'living_alone;advanced_age',
  medicalNotes: '高血压',
  contacts: '李建国|儿子|13811112222;李红|女儿|13922223333',
  keySafeCode: '4821',
  homeLat: '28.68',
  homeLon: '115.89',
  ...overrides,
});

describe('elderDraftFromCsv', () => {
  it('reads a row as a record', () => {
    expect(elderDraftFromCsv(row())).toEqual({
      draft: {
        name: '王秀英',
        gender: 'female',
        birthDate: '1941-03-08',
        idNumber: '360102194103081228',
        phone: '13907911234',
        address: '东湖区八一大道1号3栋501',
        communityCode: '360102001001',
        categories: ['living_alone', 'advanced_age'],
        medicalNotes: '高血压',
        contacts: [
          { name: '李建国', relation: '儿子', phone: '13811112222' },
          { name: '李红', relation: '女儿', phone: '13922223333' },
        ],
        keySafeCode: '4821',
        home: { lat: 28.68, lon: 115.89 },
      },
      problems: [],
    });
  });

  it.each<[string, Partial<ElderCsvCells>, Record<string, unknown>]>([
    ['gender in Chinese', { gender: ' 男 ' }, { gender: 'male' }],
    [
      'categories by their zh-CN labels, with full-width separators',
      { categories: '独居；高龄、低保' },
      { categories: ['living_alone', 'advanced_age', 'minimum_allowance'] },
    ],
    [
      'an unknown category as written, for the record check to name',
      { categories: 'living_alone;rich' },
      { categories: ['living_alone', 'rich'] },
    ],
    ['no categories', { categories: ' ' }, { categories: [] }],
    ['a date as a spreadsheet writes it', { birthDate: '1941/3/8' }, { birthDate: '1941-03-08' }],
    ['a date that is no date, as written', { birthDate: '8.3.1941' }, { birthDate: '8.3.1941' }],
    ['no key-safe code', { keySafeCode: '' }, { keySafeCode: null }],
    ['no home position', { homeLat: '', homeLon: ' ' }, { home: null }],
    ['no contacts', { contacts: '' }, { contacts: [] }],
    [
      'a trailing separator after the contacts',
      { contacts: '李建国 | 儿子 | 13811112222;' },
      { contacts: [{ name: '李建国', relation: '儿子', phone: '13811112222' }] },
    ],
    [
      'hostile text as written',
      { name: '=HYPERLINK("http://x")', medicalNotes: "'; DROP TABLE elders; --" },
      { name: '=HYPERLINK("http://x")', medicalNotes: "'; DROP TABLE elders; --" },
    ],
  ])('reads %s', (_case, cells, expected) => {
    const sut = elderDraftFromCsv(row(cells));
    expect(sut.problems).toEqual([]);
    expect(sut.draft).toMatchObject(expected);
  });

  it.each<[string, Partial<ElderCsvCells>, string, RegExp]>([
    [
      'an ID number a spreadsheet made a number of',
      { idNumber: '3.60102E+17' },
      'idNumber',
      /format the column as text/,
    ],
    [
      'a contact without a phone',
      { contacts: '李建国|儿子;李红|女儿|13922223333' },
      'contacts',
      /contact 1 must be written name\|relation\|phone/,
    ],
    ['a latitude without a longitude', { homeLon: '' }, 'homeLon', /both homeLat and homeLon/],
    ['a latitude that is no number', { homeLat: '北纬28度' }, 'homeLat', /not a number/],
  ])('names the column of %s', (_case, cells, column, message) => {
    expect(elderDraftFromCsv(row(cells)).problems).toEqual([{ column, message: expect.stringMatching(message) }]);
  });

  it('leaves a contact it cannot read out of the draft', () => {
    expect(elderDraftFromCsv(row({ contacts: '李建国|儿子;李红|女儿|13922223333' })).draft.contacts).toEqual([
      { name: '李红', relation: '女儿', phone: '13922223333' },
    ]);
  });
});
