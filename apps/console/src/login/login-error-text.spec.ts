import { ApiError } from '../api/api-error';
import { loginErrorText } from './login-error-text';

describe('loginErrorText', () => {
  it('says how long to wait when the api says it', () => {
    const refused = new ApiError(429, 'too-many-attempts', 'too many', { retryAfterSec: 12 });
    expect(loginErrorText(refused, 'en')).toBe('Too many attempts. Try again in 12 s.');
    expect(loginErrorText(refused, 'zh-CN')).toBe('尝试次数过多，请 12 秒后再试');
  });

  it('says only "later" when the wait is missing or not a whole number of seconds', () => {
    for (const details of [undefined, {}, { retryAfterSec: '12' }, { retryAfterSec: -1 }, { retryAfterSec: 1.5 }])
      expect(loginErrorText(new ApiError(429, 'too-many-attempts', 'too many', details), 'en')).toBe(
        'Too many attempts. Try again later.',
      );
  });

  it('names a wrong password, and falls back to the general words for anything else', () => {
    expect(loginErrorText(new ApiError(401, 'invalid-credentials', 'no'), 'en')).toBe('Wrong username or password');
    expect(loginErrorText(new ApiError(0, 'network', 'down'), 'en')).not.toBe('Wrong username or password');
  });
});
