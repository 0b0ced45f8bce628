import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { SiteFooter } from '../../components/layout/site-footer';
import { SkipLink } from '../../components/layout/skip-link';

/** Last resort when a page fails to load or render (often a new release replacing the old code chunks). */
export const RouteError = () => {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__bar width-container">
          <Link to="/" className="site-header__product">
            Parley
          </Link>
        </div>
      </header>
      <div className="width-container">
        <main id="main-content" className="main" tabIndex={-1}>
          <title>{notFound ? 'Page not found – Parley' : 'Sorry, there is a problem – Parley'}</title>
          <h1 className="heading-l">
            {notFound ? 'Page not found' : 'Sorry, there is a problem with Parley'}
          </h1>
          {notFound ? (
            <p>If you typed the web address, check it is correct.</p>
          ) : (
            <p>
              Reload the page to try again. If it keeps happening, tell your Parley administrator what you
              were doing when it happened.
            </p>
          )}
          <p>
            <a href="/" className="link">
              Go to the inbox
            </a>
          </p>
        </main>
      </div>
      <SiteFooter />
    </>
  );
};
