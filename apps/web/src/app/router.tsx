import { useState } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Loading } from '../components/ui/loading';
import { RequireAuth } from '../features/auth/components/require-auth';
import { RootLayout } from './routes/root';
import { RouteError } from './routes/route-error';

// The shell (header, footer, auth check) loads up front; each page is its own chunk, so Recharts only arrives
// with the inbox and the dashboards.
const createRouter = () =>
  createBrowserRouter([
    {
      path: '/',
      Component: RootLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: () => <Loading label="Loading Parley" />,
      children: [
        {
          path: 'sign-in',
          lazy: () => import('./routes/sign-in').then((m) => ({ Component: m.SignInRoute })),
        },
        {
          path: 'accessibility',
          lazy: () => import('./routes/accessibility').then((m) => ({ Component: m.AccessibilityRoute })),
        },
        {
          Component: RequireAuth,
          children: [
            { index: true, lazy: () => import('./routes/inbox').then((m) => ({ Component: m.InboxRoute })) },
            {
              path: 'inbox',
              lazy: () => import('./routes/inbox').then((m) => ({ Component: m.InboxRoute })),
            },
            {
              path: 'conversations/:id',
              lazy: () => import('./routes/conversation').then((m) => ({ Component: m.ConversationRoute })),
            },
            {
              path: 'rules',
              lazy: () => import('./routes/rules').then((m) => ({ Component: m.RulesRoute })),
            },
            {
              // "new" outranks ":key" (a static segment wins), so no rule may be keyed "new".
              path: 'rules/:department/new',
              lazy: () => import('./routes/rule-editor').then((m) => ({ Component: m.RuleEditorRoute })),
            },
            {
              path: 'rules/:department/:key',
              lazy: () => import('./routes/rule-editor').then((m) => ({ Component: m.RuleEditorRoute })),
            },
            {
              path: 'clearance',
              lazy: () => import('./routes/clearance').then((m) => ({ Component: m.ClearanceRoute })),
            },
            {
              path: 'sources',
              lazy: () => import('./routes/sources').then((m) => ({ Component: m.SourcesRoute })),
            },
            {
              path: 'people',
              lazy: () => import('./routes/people').then((m) => ({ Component: m.PeopleRoute })),
            },
            {
              path: 'people/everyone',
              lazy: () => import('./routes/everyone').then((m) => ({ Component: m.EveryoneRoute })),
            },
            {
              path: 'notifications',
              lazy: () => import('./routes/notifications').then((m) => ({ Component: m.NotificationsRoute })),
            },
            {
              path: 'webhooks',
              lazy: () => import('./routes/webhooks').then((m) => ({ Component: m.WebhooksRoute })),
            },
            {
              path: 'sentiment/labels',
              lazy: () =>
                import('./routes/sentiment-labels').then((m) => ({ Component: m.SentimentLabelsRoute })),
            },
            {
              path: 'evaluation-records',
              lazy: () =>
                import('./routes/evaluation-records').then((m) => ({ Component: m.EvaluationRecordsRoute })),
            },
            {
              path: 'evaluation-records/:department',
              lazy: () =>
                import('./routes/evaluation-records').then((m) => ({ Component: m.EvaluationRecordsRoute })),
            },
            {
              path: 'privacy',
              lazy: () => import('./routes/privacy').then((m) => ({ Component: m.PrivacyRoute })),
            },
            {
              path: 'audit',
              lazy: () => import('./routes/audit').then((m) => ({ Component: m.AuditRoute })),
            },
            {
              path: 'records',
              lazy: () => import('./routes/records').then((m) => ({ Component: m.RecordsRoute })),
            },
            {
              path: 'dashboards',
              lazy: () => import('./routes/dashboards').then((m) => ({ Component: m.DashboardsRoute })),
            },
            {
              path: 'dashboards/engagement',
              lazy: () => import('./routes/engagement').then((m) => ({ Component: m.EngagementRoute })),
            },
            {
              path: 'dashboards/evaluation',
              lazy: () => import('./routes/evaluation').then((m) => ({ Component: m.EvaluationRoute })),
            },
            {
              path: 'dashboards/public-says',
              lazy: () => import('./routes/public-says').then((m) => ({ Component: m.PublicSaysRoute })),
            },
            {
              path: 'reports/author-views',
              lazy: () => import('./routes/author-views').then((m) => ({ Component: m.AuthorViewsRoute })),
            },
            {
              path: 'reports/impact',
              lazy: () => import('./routes/impact-report').then((m) => ({ Component: m.ImpactReportRoute })),
            },
            {
              path: 'alerts',
              lazy: () => import('./routes/alerts').then((m) => ({ Component: m.AlertsRoute })),
            },
            {
              path: 'alerts/:id',
              lazy: () => import('./routes/alert').then((m) => ({ Component: m.AlertRoute })),
            },
            {
              path: 'alerts/:id/posts',
              lazy: () => import('./routes/alert-posts').then((m) => ({ Component: m.AlertPostsRoute })),
            },
            {
              path: 'cases/:id',
              lazy: () => import('./routes/case').then((m) => ({ Component: m.CaseRoute })),
            },
            {
              path: 'account',
              lazy: () => import('./routes/account').then((m) => ({ Component: m.AccountRoute })),
            },
          ],
        },
        { path: 'login', element: <Navigate to="/sign-in" replace /> },
        { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
      ],
    },
  ]);

export const AppRouter = () => {
  const [router] = useState(createRouter);
  return <RouterProvider router={router} />;
};
