import type { Route } from '@parley/domain';
import { i18n } from './i18n';

type RouteLabel = { label: string; tone: 'blue' | 'green' | 'orange' | 'red' | 'grey'; meaning: string };

// The words come from the message catalogue in the language in use, read when asked for.
const routeLabelOf = (route: Route, tone: RouteLabel['tone']): RouteLabel => ({
  tone,
  get label() {
    return i18n.t(`route.${route}`);
  },
  get meaning() {
    return i18n.t(`routeMeaning.${route}`);
  },
});

// Words first: the badge colour only repeats what the label says (WCAG 1.4.1).
export const ROUTE_LABELS: Record<Route, RouteLabel> = {
  'public-info': routeLabelOf('public-info', 'green'),
  pointer: routeLabelOf('pointer', 'blue'),
  clearance: routeLabelOf('clearance', 'orange'),
  'press-office': routeLabelOf('press-office', 'red'),
  none: routeLabelOf('none', 'grey'),
};

export const routeLabel = (route: Route): string => ROUTE_LABELS[route].label;

const PLATFORM_LABELS: Record<string, string> = {
  web: 'Web',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  discourse: 'Discourse forum',
  hackernews: 'Hacker News',
  reddit: 'Reddit',
};

export const platformLabel = (platform: string): string => PLATFORM_LABELS[platform] ?? platform;
