import type { Route } from '@parley/domain';
import { ROUTE_TEXT } from '../utils/route-text';

type RouteExplanationProps = { route: Route; routeReason: string };

/** The suggested route in plain words: what it means, why Parley suggests it here, and what to do. */
export const RouteExplanation = ({ route, routeReason }: RouteExplanationProps) => {
  const text = ROUTE_TEXT[route];
  return (
    <div className="inset-text draft-route">
      <h3 className="heading-s">Suggested: {text.title}</h3>
      <p>{text.means}</p>
      <p>
        <strong>Why this one:</strong> {routeReason}
      </p>
      <p>
        <strong>What to do:</strong> {text.doNow}
      </p>
    </div>
  );
};
