import type { ElderCard } from '@eldercare/contracts';
import {
  ageFromBirthDate,
  checkElderDraft,
  draftFromCard,
  elderFieldOf,
  EMPTY_ELDER_DRAFT,
  isDay,
  moveContact,
  removeContact,
  type ElderDraft,
} from './elder-draft';

// 09:00 on 23 November 2026 in the centre's zone.
const today = Date.parse('2026-11-23T09:00:00+08:00');

const filled: ElderDraft = {
  ...EMPTY_ELDER_DRAFT,
  name: ' 王秀英 ',
  gender: 'female',
  birthDate: '1940-03-08',
  idNumber: '36010219400308102x'.replace('102x', '1028'),
  phone: '13807911000',
  address: '南昌市东湖区八一大道 318 号',
  communityId: 'c-1',
  categories: ['living_alone'],
  contacts: [
    { name: '李娟', relation: '女儿', phone: '13907912000' },
    { name: '', relation: '', phone: '' },
  ],
  keySafeCode: ' ',
  homeLat: '28.683',
  homeLon: '115.898',
};

const card: ElderCard = {
  id: 'e-1',
  name: '王秀英',
  gender: 'female',
  birthDate: '1940-03-08',
  age: 86,
  categories: ['living_alone', 'advanced_age'],
  idNumber: '360102194003081028',
  phone: '13807911000',
  address: '南昌市东湖区八一大道 318 号',
  keySafeCode: null,
  medicalNotes: '高血压',
  contacts: [],
  home: { lat: 28.683, lon: 115.898 },
  place: { community: '公园社区', street: '公园街道', district: '东湖区' },
  masked: [],
};

describe('checkElderDraft', () => {
  it('builds the request: trimmed, blank contact rows dropped, an empty key-safe code as none', () => {
    const sut = checkElderDraft(filled, today);
    expect(sut).toEqual({
      ok: true,
      input: {
        name: '王秀英',
        gender: 'female',
        birthDate: '1940-03-08',
        idNumber: '360102194003081028',
        phone: '13807911000',
        address: '南昌市东湖区八一大道 318 号',
        communityId: 'c-1',
        categories: ['living_alone', 'advanced_age'],
        medicalNotes: '',
        contacts: [{ name: '李娟', relation: '女儿', phone: '13907912000' }],
        keySafeCode: null,
        home: { lat: 28.683, lon: 115.898 },
      },
    });
  });

  it('sets 高龄 by the birth date, whatever was ticked', () => {
    const young = checkElderDraft(
      {
        ...filled,
        birthDate: '1950-01-01',
        idNumber: '360102195001011231',
        categories: ['advanced_age', 'empty_nest'],
      },
      today,
    );
    expect(young.ok && young.input.categories).toEqual(['empty_nest']);
    const eightiethToday = checkElderDraft(
      { ...filled, birthDate: '1946-11-23', idNumber: '360102194611231237', categories: [] },
      today,
    );
    expect(eightiethToday.ok && eightiethToday.input.categories).toEqual(['advanced_age']);
  });

  it('takes an ID number with a lower-case x, as the api does', () => {
    const sut = checkElderDraft({ ...filled, birthDate: '1945-06-12', idNumber: ' 36010219450612101x ' }, today);
    expect(sut.ok && sut.input.idNumber).toBe('36010219450612101X');
  });

  it.each([
    ['a mistyped character', '360102194003081029', 'elder-form.id-number-invalid'],
    ['another birth date', '360102194103081025', 'elder-form.id-number-birth-date'],
  ])('refuses an ID number with %p, with the domain’s rule', (_case, idNumber, problem) => {
    const sut = checkElderDraft({ ...filled, idNumber }, today);
    expect(sut.ok === false && sut.problems).toEqual({ idNumber: problem });
  });

  it('takes a landline with its area code and refuses a number no one can dial', () => {
    expect(checkElderDraft({ ...filled, phone: '0791-86661234' }, today).ok).toBe(true);
    const sut = checkElderDraft(
      { ...filled, phone: '12345', contacts: [{ name: '李娟', relation: '', phone: '139079' }] },
      today,
    );
    expect(sut.ok === false && sut.problems).toEqual({
      phone: 'elder-form.bad-phone',
      'contacts.0': 'elder-form.bad-phone',
    });
  });

  it('sends no home when both coordinates are empty', () => {
    const sut = checkElderDraft({ ...filled, homeLat: '', homeLon: '' }, today);
    expect(sut.ok && sut.input.home).toBeNull();
  });

  it('names every problem it can see before asking the api', () => {
    const sut = checkElderDraft(
      {
        ...EMPTY_ELDER_DRAFT,
        birthDate: '1940-02-30',
        idNumber: '3601021940',
        phone: 'call me',
        contacts: [{ name: '李娟', relation: '女儿', phone: '' }],
        homeLat: '28.6',
        homeLon: '',
      },
      today,
    );
    expect(sut).toEqual({
      ok: false,
      problems: {
        name: 'elder-form.required',
        gender: 'elder-form.required',
        birthDate: 'elder-form.bad-date',
        idNumber: 'elder-form.bad-id-number',
        phone: 'elder-form.bad-phone',
        address: 'elder-form.required',
        communityId: 'elder-form.required',
        'contacts.0': 'elder-form.contact-incomplete',
        homeLon: 'elder-form.bad-position',
      },
    });
  });

  it('refuses a birth date in the future and a latitude past the pole', () => {
    const sut = checkElderDraft({ ...filled, birthDate: '2027-01-01', homeLat: '91' }, today);
    expect(sut.ok === false && sut.problems).toEqual({
      birthDate: 'elder-form.bad-date',
      homeLat: 'elder-form.bad-position',
    });
  });
});

describe('draftFromCard', () => {
  it('fills the form from a record, leaving 高龄 to the birth date', () => {
    expect(draftFromCard(card, 'c-1')).toEqual({
      name: '王秀英',
      gender: 'female',
      birthDate: '1940-03-08',
      idNumber: '360102194003081028',
      phone: '13807911000',
      address: '南昌市东湖区八一大道 318 号',
      communityId: 'c-1',
      categories: ['living_alone'],
      medicalNotes: '高血压',
      contacts: [{ name: '', relation: '', phone: '' }],
      keySafeCode: '',
      homeLat: '28.683',
      homeLon: '115.898',
    });
  });

  it('sends back what it was given when nothing is changed', () => {
    const sut = checkElderDraft(draftFromCard({ ...card, keySafeCode: '4123' }, 'c-1'), today);
    expect(sut.ok && sut.input).toMatchObject({
      categories: ['living_alone', 'advanced_age'],
      keySafeCode: '4123',
      home: card.home,
      contacts: [],
    });
  });
});

describe('the contacts in calling order', () => {
  const contacts = [
    { name: '甲', relation: '儿子', phone: '1' },
    { name: '乙', relation: '女儿', phone: '2' },
    { name: '丙', relation: '邻居', phone: '3' },
  ];

  it('moves a contact up and down', () => {
    expect(moveContact(contacts, 2, -1).map((contact) => contact.name)).toEqual(['甲', '丙', '乙']);
    expect(moveContact(contacts, 0, 1).map((contact) => contact.name)).toEqual(['乙', '甲', '丙']);
  });

  it('leaves the order when a move would fall off either end', () => {
    expect(moveContact(contacts, 0, -1)).toEqual(contacts);
    expect(moveContact(contacts, 2, 1)).toEqual(contacts);
  });

  it('removes one', () => {
    expect(removeContact(contacts, 1).map((contact) => contact.name)).toEqual(['甲', '丙']);
  });
});

describe('isDay', () => {
  it.each([
    ['1940-03-08', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1940-3-8', false],
    ['', false],
  ])('%p is a day: %p', (text, real) => {
    expect(isDay(text)).toBe(real);
  });
});

describe('ageFromBirthDate', () => {
  it('counts on the centre’s calendar, turning a year older on the birthday', () => {
    expect(ageFromBirthDate('1946-11-23', today)).toBe(80);
    expect(ageFromBirthDate('1946-11-24', today)).toBe(79);
  });

  it('has no age for a date that is not one', () => {
    expect(ageFromBirthDate('1946-13-01', today)).toBeNull();
  });
});

describe('elderFieldOf', () => {
  it.each([
    ['idNumber', 'idNumber'],
    ['home.lat', 'homeLat'],
    ['home.lon', 'homeLon'],
    ['home', 'homeLat'],
    ['contacts.1.phone', 'contacts.1'],
    ['contacts', 'contacts'],
    ['body', null],
  ])('shows a refusal of %p under %p', (path, field) => {
    expect(elderFieldOf(path)).toBe(field);
  });
});
