import { useParams } from 'react-router';
import { BackLink } from '../../components/ui/back-link';
import { AlertPosts } from '../../features/alerts/components/alert-posts';

export const AlertPostsRoute = () => {
  const { id = '' } = useParams();
  return (
    <>
      <BackLink to={`/alerts/${encodeURIComponent(id)}`}>Back to the alert</BackLink>
      <AlertPosts id={id} />
    </>
  );
};
