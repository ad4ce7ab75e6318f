import { detailLines, subjectTarget } from './audit-entry-text';

describe('subjectTarget', () => {
  it.each([
    ['alert:7c2e', { kind: 'alert', id: '7c2e' }],
    ['elder:e-1', { kind: 'elder', id: 'e-1' }],
    ['import:2026-11-23', null],
    ['alert:', null],
  ])('%p points at %p', (subject, target) => {
    expect(subjectTarget(subject)).toEqual(target);
  });
});

describe('detailLines', () => {
  it('writes each key with its value: a list as a list, anything deeper as JSON', () => {
    expect(
      detailLines({ outcome: 'no-answer', count: 3, fields: ['phone', 'address'], by: null, changed: { phone: true } }),
    ).toEqual(['outcome: no-answer', 'count: 3', 'fields: phone, address', 'by: —', 'changed: {"phone":true}']);
  });

  it('has nothing to say of an empty detail', () => {
    expect(detailLines({})).toEqual([]);
    expect(detailLines(null)).toEqual([]);
  });
});
