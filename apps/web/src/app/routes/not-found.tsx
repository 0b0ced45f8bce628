import { Link } from 'react-router';

export const NotFoundRoute = () => (
  <>
    <title>Page not found – Parley</title>
    <h1 className="heading-l">Page not found</h1>
    <p>If you typed the web address, check it is correct.</p>
    <p>If you pasted the web address, check you copied the entire address.</p>
    <p>
      <Link to="/inbox" className="link">
        Go to the inbox
      </Link>
    </p>
  </>
);
