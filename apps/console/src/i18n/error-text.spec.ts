import { ALL_DOMAIN_ERROR_CODES } from '@eldercare/domain';
import { ApiError } from '../api/api-error';
import { errorText } from './error-text';

describe('errorText', () => {
  it('uses our words for a code we know', () => {
    expect(errorText(new ApiError(409, 'alert-already-acknowledged', 'x'), 'zh-CN')).toBe('该警情已被他人认领');
  });

  it.each(['zh-CN', 'en'] as const)('has words of its own in %s for every code the api refuses with', (locale) => {
    const fallback = errorText(new ApiError(400, 'not-a-code', 'server words'), locale);
    const withoutWords = ALL_DOMAIN_ERROR_CODES.filter(
      (code) => errorText(new ApiError(400, code, 'server words'), locale) === fallback,
    );
    expect(withoutWords).toEqual([]);
  });

  it('passes on the server’s message for a code we do not know', () => {
    expect(errorText(new ApiError(422, 'note-too-long', 'note is over 2000 characters'), 'en')).toBe(
      'Failed: note is over 2000 characters',
    );
  });

  it('says the network is down when the server cannot be reached', () => {
    expect(errorText(new ApiError(0, 'network', 'Failed to fetch'), 'en')).toBe(
      'Network error. Check the connection and try again.',
    );
  });
});
