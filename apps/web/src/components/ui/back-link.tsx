import { Link } from 'react-router';

type BackLinkProps = { to: string; children: string };

export const BackLink = ({ to, children }: BackLinkProps) => (
  <Link to={to} className="back-link">
    {children}
  </Link>
);
