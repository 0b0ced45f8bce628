import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { useLogin } from '../api/login';
import { signInFailure, type SignInFailure } from '../utils/sign-in-errors';
import { validateSignIn, type SignInField } from '../utils/sign-in-validation';

/** `children` (the page heading and intro) go below the error summary, which GOV.UK puts first on the page. */
type SignInFormProps = { onSignedIn: () => void; children?: ReactNode };

const FIELD_ORDER: SignInField[] = ['email', 'password'];

const summaryItems = ({ fields, other }: SignInFailure): ErrorSummaryItem[] => [
  ...FIELD_ORDER.flatMap((field) => (fields[field] ? [{ text: fields[field], href: `#${field}` }] : [])),
  ...other.map((text) => ({ text })),
];

export const SignInForm = ({ onSignedIn, children }: SignInFormProps) => {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<SignInFailure>({ fields: {}, other: [] });
  const login = useLogin({ onSuccess: onSignedIn });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = validateSignIn({ email, password });
    if (Object.keys(fields).length > 0) {
      setFailure({ fields, other: [] });
      return;
    }
    setFailure({ fields: {}, other: [] });
    login.mutate(
      { email: email.trim(), password },
      {
        onError: (error) => {
          setFailure(signInFailure(error));
          // Never leave a rejected password sitting in the field.
          setPassword('');
        },
      },
    );
  };

  const items = summaryItems(failure);
  return (
    <>
      <title>{items.length > 0 ? t('signIn.pageTitleError') : t('signIn.pageTitle')}</title>
      <ErrorSummary items={items} />
      {children}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={failure.fields.email}
        />
        <TextField
          id="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={failure.fields.password}
        />
        <Button type="submit" disabled={login.isPending}>
          {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
        <p className="visually-hidden" role="status" aria-live="polite">
          {login.isPending ? t('signIn.submittingStatus') : ''}
        </p>
      </form>
    </>
  );
};
