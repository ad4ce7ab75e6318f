import { hasDispatchConsole } from './console-roles';

describe('hasDispatchConsole', () => {
  it.each([
    ['operator', true],
    ['supervisor', true],
    ['admin', true],
    ['family', false],
    ['caregiver', false],
    ['provider_admin', false],
    ['bureau', false],
  ] as const)('%p: %p', (role, answer) => {
    expect(hasDispatchConsole(role)).toBe(answer);
  });
});
