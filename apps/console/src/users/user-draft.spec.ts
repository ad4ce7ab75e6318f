import { checkUserDraft, EMPTY_USER_DRAFT, scopeKindOf, type UserDraft } from './user-draft';

const operator: UserDraft = {
  username: ' ZhangMin ',
  displayName: ' 张敏 ',
  password: 'correct horse',
  role: 'operator',
  regionIds: ['r-1', 'r-2'],
  elders: [{ id: 'e-1', name: '王秀英' }],
  providerId: 'p-1',
};

describe('checkUserDraft', () => {
  it('sends an operator with regions and no elders', () => {
    expect(checkUserDraft(operator)).toEqual({
      ok: true,
      input: {
        username: 'zhangmin',
        displayName: '张敏',
        password: 'correct horse',
        role: 'operator',
        regionIds: ['r-1', 'r-2'],
        elderIds: [],
        providerId: null,
      },
    });
  });

  it('sends a family with elders and no regions', () => {
    const sut = checkUserDraft({ ...operator, role: 'family' });
    expect(sut.ok && sut.input).toMatchObject({ role: 'family', regionIds: [], elderIds: ['e-1'] });
  });

  it('sends neither for a role that has no scope here', () => {
    const sut = checkUserDraft({ ...operator, role: 'bureau' });
    expect(sut.ok && sut.input).toMatchObject({ regionIds: [], elderIds: [], providerId: null });
  });

  it.each(['caregiver', 'provider_admin'] as const)('sends a %p with their provider only, and asks for one', (role) => {
    const sut = checkUserDraft({ ...operator, role });
    expect(sut.ok && sut.input).toMatchObject({ role, regionIds: [], elderIds: [], providerId: 'p-1' });
    expect(checkUserDraft({ ...operator, role, providerId: '' })).toEqual({
      ok: false,
      problems: { providerId: 'user-form.provider-required' },
    });
  });

  it.each(['李红', '-lihong', 'x', 'li/hong'])('refuses the username %p, as the api would', (username) => {
    const sut = checkUserDraft({ ...operator, username });
    expect(sut.ok === false && sut.problems).toEqual({ username: 'user-form.bad-username' });
  });

  it('keeps the password exactly as typed, spaces and all', () => {
    const sut = checkUserDraft({ ...operator, password: '  ten chars ' });
    expect(sut.ok && sut.input.password).toBe('  ten chars ');
  });

  it('says what is missing', () => {
    expect(checkUserDraft(EMPTY_USER_DRAFT)).toEqual({
      ok: false,
      problems: {
        username: 'elder-form.required',
        displayName: 'elder-form.required',
        password: 'user-form.password-short',
        role: 'elder-form.required',
      },
    });
  });

  it('asks for a region for an operator, an elder for a family, and ten characters of password', () => {
    expect(checkUserDraft({ ...operator, regionIds: [], password: '123456789' })).toEqual({
      ok: false,
      problems: { password: 'user-form.password-short', regionIds: 'user-form.regions-required' },
    });
    expect(checkUserDraft({ ...operator, role: 'family', elders: [], username: 'li hong' })).toEqual({
      ok: false,
      problems: { username: 'user-form.bad-username', elders: 'user-form.elders-required' },
    });
  });
});

describe('scopeKindOf', () => {
  it.each([
    ['operator', 'regions'],
    ['supervisor', 'regions'],
    ['family', 'elders'],
    ['admin', 'none'],
    ['caregiver', 'provider'],
    ['provider_admin', 'provider'],
    ['cashier', 'provider'],
    ['inspector', 'regions'],
    ['contractor', 'provider'],
    ['bureau', 'none'],
    ['', 'none'],
  ] as const)('%p watches %p', (role, kind) => {
    expect(scopeKindOf(role)).toBe(kind);
  });
});
