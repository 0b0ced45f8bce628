import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeRedirectPath } from '../../lib/safe-url';

export const SignInRoute = () => {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const redirectTo = safeRedirectPath(search.get('redirectTo'), '/inbox');

  // Already signed in (a bookmarked sign-in page, or the back button after signing in): carry on.
  if (me.data) return <Navigate to={redirectTo} replace />;

  return (
    <div className="grid-two-thirds">
      <SignInForm onSignedIn={() => navigate(redirectTo, { replace: true })}>
        <h1 className="heading-l">{t('signIn.heading')}</h1>
        <p>{t('signIn.intro')}</p>
      </SignInForm>
    </div>
  );
};
