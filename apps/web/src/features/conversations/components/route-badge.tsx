import type { Route } from '@parley/domain';
import { Tag } from '../../../components/ui/tag';
import { ROUTE_LABELS } from '../utils/labels';

type RouteBadgeProps = { route: Route; reason?: string };

export const RouteBadge = ({ route, reason }: RouteBadgeProps) => {
  const { label, tone, meaning } = ROUTE_LABELS[route];
  return (
    <div className="route-badge">
      <Tag tone={tone}>{label}</Tag>
      <p className="route-badge__reason">{reason || meaning}</p>
    </div>
  );
};
