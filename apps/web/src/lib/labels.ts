import type { Route } from '@parley/domain';

type RouteLabel = { label: string; tone: 'blue' | 'green' | 'orange' | 'red' | 'grey'; meaning: string };

// Words first: the badge colour only repeats what the label says (WCAG 1.4.1).
export const ROUTE_LABELS: Record<Route, RouteLabel> = {
  'public-info': {
    label: 'Public information',
    tone: 'green',
    meaning: 'The answer is already public: post it, no clearance needed.',
  },
  pointer: { label: 'Pointer', tone: 'blue', meaning: 'Point to another resource: post with confidence.' },
  clearance: {
    label: 'Needs clearance',
    tone: 'orange',
    meaning: 'New guidance or a view: check with policy and communications officials first.',
  },
  'press-office': {
    label: 'Press office',
    tone: 'red',
    meaning: 'This would amount to an announcement: refer it to the press office.',
  },
  none: { label: 'No action', tone: 'grey', meaning: 'No reply suggested.' },
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
