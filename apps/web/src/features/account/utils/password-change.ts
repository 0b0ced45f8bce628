import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@parley/contracts';
import type { FormFailure } from '../../../lib/form-failure';

export const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];
export type PasswordChangeValues = Record<PasswordField, string>;
export const EMPTY_PASSWORD_CHANGE: PasswordChangeValues = {
  currentPassword: '',
  newPassword: '',
  confirmPassword: '',
};

/** What can be checked here; whether the current password is right, or the new one common, only the api knows. */
export const validatePasswordChange = (
  values: PasswordChangeValues,
): FormFailure<PasswordField>['fields'] => {
  const fields: FormFailure<PasswordField>['fields'] = {};
  if (!values.currentPassword) fields.currentPassword = 'Enter your current password';
  if (values.newPassword.length < MIN_PASSWORD_LENGTH)
    fields.newPassword = `Your new password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  else if (values.newPassword.length > MAX_PASSWORD_LENGTH)
    fields.newPassword = `Your new password can have at most ${MAX_PASSWORD_LENGTH} characters`;
  else if (values.newPassword === values.currentPassword)
    fields.newPassword = 'Choose a new password different from the current one';
  if (values.confirmPassword !== values.newPassword)
    fields.confirmPassword = 'The two new passwords are not the same';
  return fields;
};
