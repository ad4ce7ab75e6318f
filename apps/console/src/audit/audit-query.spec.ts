import type { AuditEntryView } from '@eldercare/contracts';
import { appendEntries, auditQuery, filtersFromSearch, nextBefore, NO_AUDIT_FILTERS } from './audit-query';

const entry = (id: string): AuditEntryView => ({
  id,
  at: '2026-11-23T09:00:00+08:00',
  user: { id: 'u-1', displayName: '张敏' },
  action: 'elder.read',
  elder: { id: 'e-1', name: '王秀英' },
  subject: 'elder:e-1',
  detail: {},
});

describe('auditQuery', () => {
  it('asks for the newest page of everything', () => {
    expect(auditQuery(NO_AUDIT_FILTERS, null)).toBe('limit=50');
  });

  it('sends the elder, the user and where the page starts', () => {
    expect(
      Object.fromEntries(
        new URLSearchParams(
          auditQuery({ elder: { id: 'e-1', name: null }, user: { id: 'u-1', name: '张敏' } }, '1041', 20),
        ),
      ),
    ).toEqual({
      elderId: 'e-1',
      userId: 'u-1',
      before: '1041',
      limit: '20',
    });
  });
});

describe('nextBefore', () => {
  it('continues after the last entry of a full page', () => {
    expect(nextBefore([entry('9'), entry('8'), entry('7')], 3)).toBe('7');
  });

  it('stops after a short page', () => {
    expect(nextBefore([entry('9'), entry('8')], 3)).toBeNull();
    expect(nextBefore([], 3)).toBeNull();
  });
});

describe('appendEntries', () => {
  it('adds the next page without repeating an entry', () => {
    expect(appendEntries([entry('9'), entry('8')], [entry('8'), entry('7')]).map((shown) => shown.id)).toEqual([
      '9',
      '8',
      '7',
    ]);
  });
});

describe('filtersFromSearch', () => {
  it('reads the elder an elder page linked with', () => {
    expect(filtersFromSearch('?elderId=e-1')).toEqual({ elder: { id: 'e-1', name: null }, user: null });
    expect(filtersFromSearch('')).toEqual(NO_AUDIT_FILTERS);
  });
});
