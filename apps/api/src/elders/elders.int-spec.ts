import {
  ELDER_CSV_COLUMNS,
  type ElderCard,
  type ElderInput,
  type ElderPage,
  type ImportReport,
} from '@eldercare/contracts';
import { residentIdCheckCharacter, type Role } from '@eldercare/domain';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  TEST_PASSWORD,
  type ApiAnswer,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

interface ImportRefusal {
  error: { code: string; message: string; details: ImportReport };
}

describe('the registry of elders over the api', () => {
  let harness: PlatformUnderTest;
  /** The supervisor's district, with one elder already in it; the other place is someone else's. */
  let home: TestElder & { communityCode: string; streetCode: string };
  let elsewhere: TestElder & { communityCode: string };
  let supervisor: ApiClient;
  const clients = new Map<Role, ApiClient>();
  let sequence = 0;

  /** A valid ID number for the birth date, new each time (the sequence digits differ). */
  function idNumberFor(birthDate: string, gender: 'female' | 'male' = 'female'): string {
    sequence += 1;
    const order = String(sequence * 2 + (gender === 'male' ? 1 : 0))
      .padStart(3, '0')
      .slice(-3);
    const first17 = `360102${birthDate.replaceAll('-', '')}${order}`;
    return first17 + residentIdCheckCharacter(first17);
  }

  const input = (overrides: Partial<ElderInput> = {}): ElderInput => ({
    name: '张桂兰',
    gender: 'female',
    birthDate: '1938-11-02',
    idNumber: idNumberFor(overrides.birthDate ?? '1938-11-02'),
    phone: '13907912345',
    address: '南昌市东湖区公园路12号2栋301',
    communityId: home.communityId,
    categories: ['empty_nest', 'advanced_age'],
    medicalNotes: '糖尿病',
    contacts: [{ name: '刘强', relation: '儿子', phone: '13811113333' }],
    keySafeCode: '7310',
    home: { lat: 28.68, lon: 115.9 },
    ...overrides,
  });

  async function placeWithCodes(): Promise<TestElder & { communityCode: string; streetCode: string }> {
    const place = await createTestElderInPlace(harness.dataSource);
    const codes: { id: string; code: string }[] = await harness.dataSource.query(
      'SELECT id, code FROM regions WHERE id = ANY($1::uuid[])',
      [[place.communityId, place.streetId]],
    );
    const codeOf = (id: string) => codes.find((region) => region.id === id)!.code;
    return { ...place, communityCode: codeOf(place.communityId), streetCode: codeOf(place.streetId) };
  }

  async function clientOf(role: Role, scope: { regionIds?: string[]; elderIds?: string[] } = {}): Promise<ApiClient> {
    const user = await createTestUser(harness.dataSource, role, { ...scope, displayName: `测试${role}` });
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  async function postCsv(
    client: ApiClient,
    file: string | Uint8Array,
    contentType = 'text/csv; charset=utf-8',
  ): Promise<ApiAnswer<ImportReport | ImportRefusal>> {
    const response = await fetch(`${harness.apiUrl}/api/elders/import`, {
      method: 'POST',
      headers: { cookie: client.cookieHeader, 'content-type': contentType },
      body: file,
    });
    return {
      status: response.status,
      body: (await response.json()) as ImportReport | ImportRefusal,
      headers: response.headers,
    };
  }

  const csvLine = (cells: Record<string, string>) => ELDER_CSV_COLUMNS.map((column) => cells[column] ?? '').join(',');
  const goodRow = (overrides: Record<string, string> = {}) =>
    csvLine({
      name: '陈秀珍',
      gender: '女',
      birthDate: '1940/5/6',
      idNumber: idNumberFor('1940-05-06'),
      phone: '0791-86123456',
      address: '东湖区公园路8号',
      communityCode: home.communityCode,
      categories: '独居;高龄',
      medicalNotes: '',
      contacts: '陈明|儿子|13811114444',
      keySafeCode: '',
      homeLat: '',
      homeLon: '',
      ...overrides,
    });
  const HEADER = ELDER_CSV_COLUMNS.join(',');

  const countElders = async (): Promise<number> =>
    (await harness.dataSource.query('SELECT count(*)::int AS n FROM elders'))[0].n;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    home = await placeWithCodes();
    elsewhere = await placeWithCodes();
    supervisor = await clientOf('supervisor', { regionIds: [home.districtId] });
    clients.set('operator', await clientOf('operator', { regionIds: [home.streetId] }));
    clients.set('bureau', await clientOf('bureau'));
    clients.set('admin', await clientOf('admin'));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  describe('one record at a time', () => {
    it('registers an elder in a community of the supervisor’s district, answers the record and audits the write', async () => {
      const written = input();

      const created = await supervisor.post<ElderCard>('/api/elders', written);

      expect(created).toMatchObject({
        status: 201,
        body: {
          name: '张桂兰',
          idNumber: written.idNumber,
          phone: '13907912345',
          keySafeCode: '7310',
          place: { community: '测试社区' },
          masked: [],
        },
      });
      const [audit] = await harness.dataSource.query(`SELECT action, detail FROM audit_log WHERE elder_id = $1`, [
        created.body.id,
      ]);
      expect(audit).toEqual({ action: 'elder.create', detail: {} });
      expect((await supervisor.get<ElderCard>(`/api/elders/${created.body.id}`)).body).toEqual(created.body);
    });

    it('trims what is typed and stores hostile text exactly as written, never interpreting it', async () => {
      const hostile = {
        name: '<script>alert("王")</script>',
        address: "'; DROP TABLE elders; --",
        medicalNotes: '=HYPERLINK("http://evil.example","点我")\n{{7*7}} ${process.env}',
        contacts: [{ name: '=cmd|" /C calc"!A0', relation: '"儿子"', phone: '13811115555' }],
      };

      const created = await supervisor.post<ElderCard>(
        '/api/elders',
        input({ ...hostile, name: `  ${hostile.name}  `, phone: ' 13907912345 ' }),
      );

      expect(created.status).toBe(201);
      const [row] = await harness.dataSource.query(
        'SELECT name, address, medical_notes, emergency_contacts, phone FROM elders WHERE id = $1',
        [created.body.id],
      );
      expect(row).toEqual({
        name: hostile.name,
        address: hostile.address,
        medical_notes: hostile.medicalNotes,
        emergency_contacts: hostile.contacts,
        phone: '13907912345',
      });
      expect(created.body).toMatchObject({
        name: hostile.name,
        address: hostile.address,
        medicalNotes: hostile.medicalNotes,
      });
      expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('sets 高龄 from the birth date rather than from what was ticked', async () => {
      const younger = await supervisor.post<ElderCard>(
        '/api/elders',
        input({
          birthDate: '1960-04-01',
          idNumber: idNumberFor('1960-04-01'),
          categories: ['advanced_age', 'low_income'],
        }),
      );
      const older = await supervisor.post<ElderCard>('/api/elders', input({ categories: ['living_alone'] }));

      expect(younger.body.categories).toEqual(['low_income']);
      expect(older.body.categories).toEqual(['living_alone', 'advanced_age']);
    });

    it('registers an elder without a telephone (an empty phone), kept as none', async () => {
      const created = await supervisor.post<ElderCard>('/api/elders', input({ phone: '' }));

      expect(created).toMatchObject({ status: 201, body: { phone: '' } });
      expect(
        (await harness.dataSource.query('SELECT phone FROM elders WHERE id = $1', [created.body.id]))[0].phone,
      ).toBeNull();
    });

    it.each<[string, (valid: ElderInput) => unknown, RegExp]>([
      [
        'an ID number with a wrong check character',
        (valid) => ({ ...valid, idNumber: `${valid.idNumber.slice(0, 17)}${valid.idNumber[17] === '0' ? '1' : '0'}` }),
        /idNumber: the check character/,
      ],
      [
        'an ID number of another birth date',
        (valid) => ({ ...valid, birthDate: '1938-11-03' }),
        /idNumber: encodes the birth date 1938-11-02, not 1938-11-03/,
      ],
      [
        'an ID number of 15 characters (the old kind)',
        (valid) => ({ ...valid, idNumber: '360102381102002' }),
        /idNumber: must be 18 characters/,
      ],
      [
        'a phone number of 10 digits',
        (valid) => ({ ...valid, phone: '1390791234' }),
        /phone: must be an 11-digit mobile number/,
      ],
      [
        'a contact’s phone that is no number',
        (valid) => ({ ...valid, contacts: [{ name: '刘强', relation: '儿子', phone: '儿子的手机' }] }),
        /contacts\.0\.phone/,
      ],
      [
        'eleven contacts',
        (valid) => ({
          ...valid,
          contacts: Array.from({ length: 11 }, () => ({ name: '刘强', relation: '儿子', phone: '13811113333' })),
        }),
        /at most 10 contacts/,
      ],
      [
        'a category that does not exist',
        (valid) => ({ ...valid, categories: ['living_alone', 'wealthy'] }),
        /categories\.1: is not a category/,
      ],
      [
        'a name of 51 characters',
        (valid) => ({ ...valid, name: '王'.repeat(51) }),
        /name: must be at most 50 characters/,
      ],
      ['a name of spaces only', (valid) => ({ ...valid, name: '   ' }), /name: is required/],
      [
        'a NUL character in the address',
        (valid) => ({ ...valid, address: '公园路\u00008号' }),
        /address: must not hold U\+0000/,
      ],
      [
        'a right-to-left override in the name, which would show SEC<RLO>txt.exe as SECexe.txt',
        (valid) => ({ ...valid, name: 'SEC\u202Etxt.exe' }),
        /name: must not hold U\+202E: control, direction-changing and invisible characters/,
      ],
      [
        'a zero-width space in a contact’s name',
        (valid) => ({ ...valid, contacts: [{ name: '李\u200B建国', relation: '儿子', phone: '13811112222' }] }),
        /contacts\.0\.name: must not hold U\+200B/,
      ],
      [
        'an isolate in a contact’s relation',
        (valid) => ({ ...valid, contacts: [{ name: '李建国', relation: '\u2067儿子\u2069', phone: '13811112222' }] }),
        /contacts\.0\.relation: must not hold U\+2067/,
      ],
      ['a birth date in the future', (valid) => ({ ...valid, birthDate: '2999-01-01' }), /birthDate/],
      ['a field the record does not have', (valid) => ({ ...valid, religion: '无' }), /religion/],
      ['no community', (valid) => ({ ...valid, communityId: undefined }), /communityId/],
    ])('refuses %s (400 invalid-request) and writes nothing', async (_case, make, message) => {
      const before = await countElders();

      const refused = await supervisor.post('/api/elders', make(input()));

      expect(refused).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid-request', message: expect.stringMatching(message) } },
      });
      expect(await countElders()).toBe(before);
    });

    it('refuses a community outside the supervisor’s district as not found, and a street as no community', async () => {
      const foreign = await supervisor.post('/api/elders', input({ communityId: elsewhere.communityId }));
      const street = await supervisor.post('/api/elders', input({ communityId: home.streetId }));

      expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'region-not-found' } } });
      expect(street).toMatchObject({ status: 400, body: { error: { code: 'region-not-a-community' } } });
    });

    it('refuses a second record of the same person (409), whoever wrote the first', async () => {
      const first = input();
      expect((await clients.get('admin')!.post('/api/elders', first)).status).toBe(201);

      const again = await supervisor.post('/api/elders', { ...first, name: '张桂兰（重复）' });

      expect(again).toMatchObject({ status: 409, body: { error: { code: 'elder-already-registered' } } });
    });

    it('lets neither an operator nor the bureau write (403)', async () => {
      for (const role of ['operator', 'bureau'] as const) {
        expect(await clients.get(role)!.post('/api/elders', input())).toMatchObject({
          status: 403,
          body: { error: { code: 'forbidden' } },
        });
      }
    });

    it('replaces a record, moves it within the district, and audits which fields changed but not their values', async () => {
      const { body: created } = await supervisor.post<ElderCard>('/api/elders', input());
      const neighbours = await harness.dataSource.query(
        `INSERT INTO regions (code, name, level, parent_id) VALUES ($1, '隔壁社区', 'community', $2) RETURNING id`,
        [`${home.communityCode}-2`, home.streetId],
      );
      const changed = input({
        idNumber: created.idNumber,
        phone: '0791-86998877',
        communityId: neighbours[0].id,
        contacts: [],
      });

      const updated = await supervisor.request<ElderCard>('PUT', `/api/elders/${created.id}`, changed);

      expect(updated).toMatchObject({
        status: 200,
        body: { id: created.id, phone: '0791-86998877', contacts: [], place: { community: '隔壁社区' } },
      });
      const [audit] = await harness.dataSource.query(
        `SELECT detail FROM audit_log WHERE elder_id = $1 AND action = 'elder.update'`,
        [created.id],
      );
      expect(audit.detail).toEqual({ changed: ['phone', 'communityId', 'contacts'] });
      expect(JSON.stringify(audit.detail)).not.toContain('86998877');
    });

    it('answers 404 for a record outside the supervisor’s district, and for a move out of it, changing nothing', async () => {
      const { body: ours } = await supervisor.post<ElderCard>('/api/elders', input());

      const theirs = await supervisor.request('PUT', `/api/elders/${elsewhere.elderId}`, input());
      const away = await supervisor.request(
        'PUT',
        `/api/elders/${ours.id}`,
        input({ idNumber: ours.idNumber, communityId: elsewhere.communityId }),
      );

      expect(theirs).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
      expect(away).toMatchObject({ status: 404, body: { error: { code: 'region-not-found' } } });
      expect((await supervisor.get<ElderCard>(`/api/elders/${ours.id}`)).body.place.community).toBe('测试社区');
    });
  });

  describe('the list', () => {
    let listed: ElderCard;

    beforeAll(async () => {
      ({ body: listed } = await supervisor.post<ElderCard>(
        '/api/elders',
        input({ name: '列表测试老人', categories: ['dementia', 'advanced_age'], phone: '13607911111' }),
      ));
      const device = await harness.deviceOf(listed.id, 'call_button');
      await device.send({ kind: 'sos' });
      await harness.firstAlertsOf(listed.id);
    });

    it('finds elders by part of the name, with their devices and open alerts, and counts every match', async () => {
      const { status, body } = await supervisor.get<ElderPage>(`/api/elders?q=${encodeURIComponent('列表测试')}`);

      expect(status).toBe(200);
      expect(body.total).toBe(1);
      const [{ devices, ...summary }] = body.elders;
      expect(summary).toEqual({
        id: listed.id,
        name: '列表测试老人',
        gender: 'female',
        age: expect.any(Number),
        categories: ['dementia', 'advanced_age'],
        phone: '13607911111',
        place: { communityId: home.communityId, community: '测试社区', street: '测试街道', district: '测试区' },
        openAlerts: 1,
      });
      expect(devices).toHaveLength(1);
      expect(Object.keys(devices[0]).sort()).toEqual(['battery', 'id', 'online', 'type']);
      expect(devices[0].type).toBe('call_button');
    });

    it('filters by region at any level and by category, a page at a time', async () => {
      const byStreet = await supervisor.get<ElderPage>(`/api/elders?regionId=${home.streetId}&category=dementia`);
      expect(byStreet.body.elders.map((elder) => elder.id)).toContain(listed.id);
      expect(byStreet.body.elders.every((elder) => elder.categories.includes('dementia'))).toBe(true);

      const all = await supervisor.get<ElderPage>(`/api/elders?regionId=${home.districtId}&limit=200`);
      const pages = await Promise.all(
        [0, 2].map((offset) =>
          supervisor.get<ElderPage>(`/api/elders?regionId=${home.districtId}&offset=${offset}&limit=2`),
        ),
      );
      expect(pages.flatMap((page) => page.body.elders.map((elder) => elder.id))).toEqual(
        all.body.elders.slice(0, 4).map((elder) => elder.id),
      );
      expect(pages.map((page) => page.body.total)).toEqual([all.body.total, all.body.total]);
    });

    it('never lists an elder outside the viewer’s scope, even when asked for their region', async () => {
      const { body } = await supervisor.get<ElderPage>(`/api/elders?regionId=${elsewhere.districtId}`);
      expect(body).toEqual({ elders: [], total: 0 });
    });

    it('masks the phone for the bureau and shows it to the operator who calls', async () => {
      const path = `/api/elders?q=${encodeURIComponent('列表测试')}`;
      const [bureau, operator] = await Promise.all([
        clients.get('bureau')!.get<ElderPage>(path),
        clients.get('operator')!.get<ElderPage>(path),
      ]);

      expect(bureau.body.elders[0].phone).toBe('136****1111');
      expect(JSON.stringify(bureau.body)).not.toContain('13607911111');
      expect(operator.body.elders[0].phone).toBe('13607911111');
    });

    it('refuses a limit over 200 and an unknown parameter', async () => {
      expect((await supervisor.get('/api/elders?limit=201')).status).toBe(400);
      expect((await supervisor.get('/api/elders?sort=name')).status).toBe(400);
    });
  });

  describe('the import', () => {
    it('imports every row of a good file in one go: BOM, CRLF, and quoted fields with commas, quotes and line breaks', async () => {
      const file = [
        `\uFEFF${HEADER}`,
        goodRow({
          name: '导入甲',
          address: '"东湖区公园路8号,3栋""东""单元501室"',
          medicalNotes: '"高血压\r\n每日服药"',
        }),
        goodRow({
          name: '导入乙',
          gender: 'male',
          birthDate: '1935-12-01',
          idNumber: idNumberFor('1935-12-01', 'male'),
          categories: 'living_alone',
          keySafeCode: '0099',
          homeLat: '28.70',
          homeLon: '115.91',
        }),
        goodRow({
          name: '导入丙',
          contacts: '"王芳|女儿|13922224444;赵四|邻居|0791-86111222"',
          medicalNotes: '"高血压, 每日服药"',
        }),
      ].join('\r\n');

      const answer = await postCsv(supervisor, file);

      expect(answer).toMatchObject({ status: 200, body: { imported: 3, problems: [] } });
      const rows: Record<string, unknown>[] = await harness.dataSource.query(
        `SELECT e.name, e.address, e.gender, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date, e.categories, e.key_safe_code, e.home_lat, e.emergency_contacts, e.medical_notes,
           (SELECT count(*)::int FROM audit_log l WHERE l.elder_id = e.id AND l.action = 'elder.create') AS audits
         FROM elders e WHERE e.name LIKE '导入%'`,
      );
      const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
      expect(Object.keys(byName).sort()).toEqual(['导入丙', '导入乙', '导入甲'].sort());
      expect(byName['导入甲']).toMatchObject({
        address: '东湖区公园路8号,3栋"东"单元501室',
        medical_notes: '高血压\r\n每日服药',
        birth_date: '1940-05-06',
        categories: ['living_alone', 'advanced_age'],
        key_safe_code: null,
        audits: 1,
      });
      expect(byName['导入乙']).toMatchObject({
        gender: 'male',
        birth_date: '1935-12-01',
        categories: ['living_alone', 'advanced_age'],
        key_safe_code: '0099',
        home_lat: 28.7,
        audits: 1,
      });
      expect(byName['导入丙']).toMatchObject({
        medical_notes: '高血压, 每日服药',
        emergency_contacts: [
          { name: '王芳', relation: '女儿', phone: '13922224444' },
          { name: '赵四', relation: '邻居', phone: '0791-86111222' },
        ],
        audits: 1,
      });
    });

    it('imports nothing when one row among good ones is bad, and names its line and columns', async () => {
      const before = await countElders();
      const file = [
        HEADER,
        goodRow({ name: '不应导入一' }),
        goodRow({ name: '不应导入二', idNumber: '360102194005060011', phone: '12345' }),
        goodRow({ name: '不应导入三' }),
      ].join('\n');

      const answer = await postCsv(supervisor, file);

      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        error: {
          code: 'import-invalid',
          message: '2 problem(s) on 1 line(s); nothing was imported',
          details: {
            imported: 0,
            problems: [
              { line: 3, column: 'idNumber', message: expect.stringMatching(/check character/) },
              { line: 3, column: 'phone', message: expect.stringMatching(/11-digit mobile/) },
            ],
          },
        },
      });
      expect(await countElders()).toBe(before);
    });

    it('reports what only a file can get wrong: a person twice, a person already registered, a community not the writer’s, a bad header', async () => {
      const twice = idNumberFor('1940-05-06');
      const { body: registered } = await supervisor.post<ElderCard>('/api/elders', input());
      const file = [
        HEADER,
        goodRow({ idNumber: twice }),
        goodRow({ idNumber: twice, contacts: '陈明|儿子' }),
        goodRow({ idNumber: twice }),
        goodRow({ idNumber: registered.idNumber, birthDate: '1938-11-02' }),
        goodRow({ communityCode: elsewhere.communityCode }),
        goodRow({ communityCode: home.streetCode }),
        '"an unclosed quote,',
      ].join('\n');

      const { status, body } = await postCsv(supervisor, file);

      expect(status).toBe(422);
      expect((body as ImportRefusal).error.details.problems).toEqual([
        { line: 3, column: 'contacts', message: 'contact 1 must be written name|relation|phone' },
        { line: 4, column: 'idNumber', message: 'the same ID number as line 2' },
        { line: 5, column: 'idNumber', message: 'an elder with this ID number is already registered' },
        { line: 6, column: 'communityCode', message: 'no community with this code is yours to place elders in' },
        { line: 7, column: 'communityCode', message: 'is a street: an elder lives in a community (村/社区)' },
        { line: 8, column: '', message: expect.stringMatching(/never closed/) },
      ]);

      const badHeader = await postCsv(supervisor, `${HEADER.replace('idNumber', 'id')}\n${goodRow()}`);
      expect(badHeader).toMatchObject({
        status: 422,
        body: {
          error: {
            details: {
              problems: [{ line: 1, column: 'idNumber', message: expect.stringMatching(/header must be exactly/) }],
            },
          },
        },
      });
    });

    it('refuses a file saved in GBK, naming the first line that is not UTF-8', async () => {
      const gbk = Uint8Array.from([...new TextEncoder().encode(`${HEADER}\n`), 0xb3, 0xc2, 0xd0, 0xe3, 0x0a]);
      const { status, body } = await postCsv(supervisor, gbk);
      expect(status).toBe(422);
      expect((body as ImportRefusal).error.details.problems).toEqual([
        { line: 2, column: '', message: expect.stringMatching(/not UTF-8/) },
      ]);
    });

    it('imports a file of exactly 5,000 rows, the most it takes, in one transaction', async () => {
      const before = await countElders();
      const rows = Array.from({ length: 5000 }, (_, index) => {
        const birthDate = `19${30 + (index % 30)}-0${1 + (index % 9)}-1${index % 10}`;
        const first17 = `36${String(index).padStart(4, '0')}${birthDate.replaceAll('-', '')}${String(index % 1000).padStart(3, '0')}`;
        return goodRow({ name: `批量${index}`, birthDate, idNumber: first17 + residentIdCheckCharacter(first17) });
      });

      const answer = await postCsv(supervisor, [HEADER, ...rows].join('\n'));

      expect(answer).toMatchObject({ status: 200, body: { imported: 5000 } });
      expect(await countElders()).toBe(before + 5000);
    });

    it('refuses a file over 2 MB or 5,000 rows as import-too-large (413), before looking at its rows', async () => {
      const tooManyRows = [
        HEADER,
        ...Array.from({ length: 5001 }, () => '陈秀珍,female,1940-05-06,x,x,x,x,,,,,,'),
      ].join('\n');
      const tooManyBytes = `${HEADER}\n${'x'.repeat(2 * 1024 * 1024)}`;

      for (const file of [tooManyRows, tooManyBytes]) {
        expect(await postCsv(supervisor, file)).toMatchObject({
          status: 413,
          body: { error: { code: 'import-too-large' } },
        });
      }
    });

    it('refuses a body that is not text/csv (415), and the import of an operator (403)', async () => {
      expect(await supervisor.post('/api/elders/import', { rows: [] })).toMatchObject({
        status: 415,
        body: { error: { code: 'import-not-csv' } },
      });
      expect(await postCsv(clients.get('operator')!, `${HEADER}\n${goodRow()}`)).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      });
    });
  });
});
