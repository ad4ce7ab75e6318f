import { checkCareBedOpening, type CareBedFacts, type CareBedOpening } from './care-bed';

const opening: CareBedOpening = {
  careLevel: 'severe',
  assessedOn: '2026-11-20',
  adaptationCaseId: 'case-1',
  startsOn: '2026-12-01',
};
const facts: CareBedFacts = {
  today: '2026-11-23',
  alreadyOpen: false,
  deviceTypes: ['call_button', 'bed_mat'],
  adaptationCaseIsTheElders: true,
};

describe('checkCareBedOpening', () => {
  const sut = checkCareBedOpening;

  it('opens a care bed with an assessment made, a mat and the elder’s own adaptation case', () => {
    expect(() => sut(opening, facts)).not.toThrow();
  });

  it('opens one without an adaptation case yet, whatever the case check says', () => {
    expect(() =>
      sut({ ...opening, adaptationCaseId: null }, { ...facts, adaptationCaseIsTheElders: false }),
    ).not.toThrow();
  });

  it.each<[string, Partial<CareBedOpening>, Partial<CareBedFacts>, string]>([
    ['a second care bed', {}, { alreadyOpen: true }, 'care-bed-exists'],
    ['an assessment dated tomorrow', { assessedOn: '2026-11-24' }, {}, 'invalid-request'],
    ['a start before the assessment', { startsOn: '2026-11-19' }, {}, 'invalid-request'],
    ['no bed-sensor mat', {}, { deviceTypes: ['call_button', 'wearable'] }, 'care-bed-needs-mat'],
    ["another elder's adaptation case", {}, { adaptationCaseIsTheElders: false }, 'adaptation-case-not-found'],
  ])('refuses %s', (_case, changes, factChanges, code) => {
    expect(() => sut({ ...opening, ...changes }, { ...facts, ...factChanges })).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
