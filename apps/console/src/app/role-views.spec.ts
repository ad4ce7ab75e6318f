import { ROLES } from '@eldercare/domain';
import { viewOf } from './role-views';

describe('viewOf', () => {
  it.each([
    ['operator', 'queue'],
    ['supervisor', 'queue'],
    ['admin', 'queue'],
    ['caregiver', 'visits'],
    ['family', 'family'],
    ['provider_admin', 'provider'],
    ['bureau', 'reports'],
    ['volunteer', 'volunteer'],
    ['inspector', 'adaptation-field'],
    ['contractor', 'adaptation-field'],
  ] as const)('opens %p at / on %p', (role, view) => {
    expect(viewOf(role, 'queue')).toBe(view);
  });

  it('gives the history to the dispatch roles and the home page to the rest', () => {
    expect(viewOf('supervisor', 'history')).toBe('history');
    expect(viewOf('family', 'history')).toBe('family');
  });

  it.each([
    ['admin', 'care-calls'],
    ['operator', 'elder-new'],
    ['caregiver', 'elders'],
    ['provider_admin', 'devices'],
    ['supervisor', 'users'],
    ['operator', 'audit'],
    ['family', 'reports'],
    ['volunteer', 'elders'],
    ['volunteer', 'time-bank'],
    ['family', 'time-bank'],
    ['bureau', 'risk-visits'],
  ] as const)('tells %p that %p is not permitted', (role, page) => {
    expect(viewOf(role, page)).toBe('not-permitted');
  });

  it('lets every role open a case, which the server then answers by scope', () => {
    expect(ROLES.map((role) => viewOf(role, 'case'))).toEqual(ROLES.map(() => 'case'));
  });

  it('opens the adaptation page of an inspector or a contractor on their own cases, and the staff page for staff', () => {
    expect(viewOf('inspector', 'adaptation')).toBe('adaptation-field');
    expect(viewOf('contractor', 'adaptation')).toBe('adaptation-field');
    expect(viewOf('supervisor', 'adaptation')).toBe('adaptation');
    expect(viewOf('contractor', 'elders')).toBe('not-permitted');
    expect(viewOf('inspector', 'risk-visits')).toBe('not-permitted');
  });

  it('shows a permitted registry page as itself', () => {
    expect(viewOf('supervisor', 'elder-edit')).toBe('elder-edit');
    expect(viewOf('bureau', 'devices')).toBe('devices');
  });
});
