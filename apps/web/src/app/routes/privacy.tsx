import { Navigate } from 'react-router';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { LegalHoldsPanel } from '../../features/privacy/components/legal-holds-panel';
import { RetentionStatusPanel } from '../../features/privacy/components/retention-status-panel';
import { SubjectRequestsPanel } from '../../features/privacy/components/subject-requests-panel';

/** The data protection officer's page: subject requests, legal holds and retention. Workspace administrators only. */
export const PrivacyRoute = () => {
  const me = useSignedInUser();
  if (!me.workspaceAdmin) return <Navigate to="/" replace />;
  return (
    <>
      <title>Privacy – Parley</title>
      <h1 className="heading-l">Privacy</h1>
      <p className="lead">
        What Parley holds about members of the public: find it for a person who asks, how long it is kept, and
        what is held back for a legal case.
      </p>
      <h2 className="heading-m">Subject requests</h2>
      <SubjectRequestsPanel />
      <h2 className="heading-m">Legal holds</h2>
      <LegalHoldsPanel />
      <h2 className="heading-m">Retention</h2>
      <RetentionStatusPanel />
    </>
  );
};
