import { useTranslation } from 'react-i18next';
import type { Route } from '@parley/domain';
import { Tag } from '../../../components/ui/tag';
import { ROUTE_LABELS } from '../utils/labels';

type RouteBadgeProps = { route: Route; reason?: string };

export const RouteBadge = ({ route, reason }: RouteBadgeProps) => {
  const { t } = useTranslation();
  return (
    <div className="route-badge">
      <Tag tone={ROUTE_LABELS[route].tone}>{t(`route.${route}`)}</Tag>
      <p className="route-badge__reason">{reason || t(`routeMeaning.${route}`)}</p>
    </div>
  );
};
