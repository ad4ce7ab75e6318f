import type { Role } from './roles';
import { scopeAssignmentProblem } from './scope-assignment';

describe('scopeAssignmentProblem', () => {
  const region = ['region-1'];
  const elder = ['elder-1'];

  it.each<[Role, string[], string[]]>([
    ['operator', region, []],
    ['supervisor', ['region-1', 'region-2'], []],
    ['family', [], elder],
    ['inspector', region, []],
    ['bureau', [], []],
    ['admin', [], []],
  ])('gives a %s regions %j and elders %j', (role, regionIds, elderIds) => {
    expect(scopeAssignmentProblem(role, { regionIds, elderIds })).toBeUndefined();
  });

  it.each<Role>(['provider_admin', 'caregiver', 'contractor'])(
    'gives a %s the provider they work for, and nothing else',
    (role) => {
      expect(scopeAssignmentProblem(role, { regionIds: [], elderIds: [], providerId: 'provider-1' })).toBeUndefined();
      expect(scopeAssignmentProblem(role, { regionIds: [], elderIds: [] })).toMatch(/needs the provider/);
    },
  );

  it('refuses a provider to anyone but provider staff', () => {
    expect(scopeAssignmentProblem('operator', { regionIds: ['r'], elderIds: [], providerId: 'provider-1' })).toMatch(
      /belongs to no provider/,
    );
  });

  it.each<[Role, string[], string[], RegExp]>([
    ['operator', [], [], /needs at least one region/],
    ['supervisor', region, elder, /only family members/],
    ['family', [], [], /at least one elder/],
    ['family', region, elder, /only operators, supervisors and adaptation inspectors/],
    ['bureau', region, [], /only operators, supervisors and adaptation inspectors/],
    ['admin', [], elder, /only family members/],
    ['caregiver', region, [], /only operators, supervisors and adaptation inspectors/],
    ['contractor', region, [], /only operators, supervisors and adaptation inspectors/],
    ['inspector', [], [], /needs at least one region/],
  ])('refuses a %s with regions %j and elders %j', (role, regionIds, elderIds, problem) => {
    expect(scopeAssignmentProblem(role, { regionIds, elderIds })).toMatch(problem);
  });
});
