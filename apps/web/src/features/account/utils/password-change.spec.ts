import { describe, expect, it } from 'vitest';
import { validatePasswordChange } from './password-change';

describe('validatePasswordChange', () => {
  it.each([
    [
      { currentPassword: 'old-password-1', newPassword: 'a-new-password', confirmPassword: 'a-new-password' },
      {},
    ],
    [
      { currentPassword: '', newPassword: 'short', confirmPassword: 'short' },
      {
        currentPassword: 'Enter your current password',
        newPassword: 'Your new password needs at least 12 characters',
      },
    ],
    [
      { currentPassword: 'old-password-1', newPassword: 'x'.repeat(257), confirmPassword: 'x'.repeat(257) },
      { newPassword: 'Your new password can have at most 256 characters' },
    ],
    [
      {
        currentPassword: 'same-password-1',
        newPassword: 'same-password-1',
        confirmPassword: 'same-password-1',
      },
      { newPassword: 'Choose a new password different from the current one' },
    ],
    [
      { currentPassword: 'old-password-1', newPassword: 'a-new-password', confirmPassword: 'a-new-passwort' },
      { confirmPassword: 'The two new passwords are not the same' },
    ],
  ])('%j → %j', (values, expected) => expect(validatePasswordChange(values)).toEqual(expected));
});
