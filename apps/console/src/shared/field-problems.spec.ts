import { ApiError } from '../api/api-error';
import { fieldProblems } from './field-problems';

describe('fieldProblems', () => {
  it('reads each field the api refused', () => {
    const sut = fieldProblems(
      new ApiError(
        400,
        'invalid-request',
        'idNumber: check character does not match; contacts.1.phone: Too small: expected string to have >=3 characters',
      ),
    );
    expect(sut).toEqual([
      { path: 'idNumber', message: 'check character does not match' },
      { path: 'contacts.1.phone', message: 'Too small: expected string to have >=3 characters' },
    ]);
  });

  it('names no field for another refusal or a sentence without a path', () => {
    expect(fieldProblems(new ApiError(400, 'community-out-of-scope', 'communityId: not yours'))).toEqual([]);
    expect(fieldProblems(new ApiError(400, 'invalid-request', 'the body is not JSON'))).toEqual([]);
    expect(fieldProblems(new Error('idNumber: x'))).toEqual([]);
  });
});
