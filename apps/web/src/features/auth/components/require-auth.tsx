import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useMe } from '../api/get-me';

/** Pages below this need a session; without one, go to sign in and come back here afterwards. */
export const RequireAuth = () => {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Loading label="Checking you are signed in" />;
  if (me.isError) {
    return (
      <>
        <title>Sorry, there is a problem – Parley</title>
        <h1 className="heading-l">Sorry, there is a problem</h1>
        <ErrorPanel
          title="Parley could not check who you are"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </>
    );
  }
  if (!me.data) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?redirectTo=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
};
