import { coinText, volunteerStep } from './coins';

describe('coins on the volunteer’s page', () => {
  it('shows minutes as coins, an hour to the coin', () => {
    expect([coinText(60), coinText(90), coinText(15), coinText(0)]).toEqual(['1', '1.5', '0.25', '0']);
  });

  it('offers the volunteer the next step of their own request only', () => {
    expect(volunteerStep('open', false)).toBe('take');
    expect(volunteerStep('taken', true)).toBe('check-in');
    expect(volunteerStep('checked-in', true)).toBe('check-out');
    expect(volunteerStep('checked-in', false)).toBeNull();
    expect(volunteerStep('checked-out', true)).toBeNull();
  });
});
