// Realistic api answers, shaped like the types in libs/contracts, for looking at pages without a running api.
const NOW = Date.now();
const ago = (minutes) => new Date(NOW - minutes * 60_000).toISOString();
const ahead = (minutes) => new Date(NOW + minutes * 60_000).toISOString();

export const me = {
  id: 'u1',
  email: 'sam.jones@dft.example.gov.uk',
  name: 'Sam Jones',
  memberships: [
    { department: 'dft', role: 'comms' },
    { department: 'dvsa', role: 'viewer' },
  ],
  departments: [
    { key: 'dft', name: 'Department for Transport' },
    { key: 'dvsa', name: 'Driver and Vehicle Standards Agency' },
  ],
  csrfToken: 'csrf-demo-token',
};

const tag = (route, score, routeReason, rules, signals) => ({
  department: 'dft',
  score,
  route,
  routeReason,
  rules,
  signals,
  resources: [{ title: 'Guidance on GOV.UK', url: 'https://www.gov.uk/', similarity: 0.31 }],
});

export const conversations = [
  {
    id: 'c1',
    title: 'Does anyone know if the railcard discount applies to off-peak season tickets?',
    url: 'https://forum.example.org/t/railcard-season-tickets/4411',
    source: 'commuter-forum',
    platform: 'discourse',
    postCount: 14,
    participantCount: 9,
    startedAt: ago(60 * 20),
    lastActivityAt: ago(35),
    tags: [
      tag(
        'public-info',
        86,
        'A question answered by "Railcards: discounts on season tickets" on GOV.UK',
        ['rail-fares'],
        [
          { kind: 'question', detail: 'Asks “does the railcard discount apply to season tickets?”' },
          {
            kind: 'resource-match',
            detail: 'Matches the GOV.UK page “Railcards: discounts on season tickets”',
          },
          { kind: 'participants', detail: '9 people in the thread' },
        ],
      ),
    ],
    engagement: null,
  },
  {
    id: 'c2',
    title: 'Minister says new bus franchising powers “by spring”: what does this mean for rural routes?',
    url: 'https://mastodon.example/@localnews/113',
    source: 'mastodon-transport-tag',
    platform: 'mastodon',
    postCount: 41,
    participantCount: 27,
    startedAt: ago(60 * 6),
    lastActivityAt: ago(12),
    tags: [
      tag(
        'press-office',
        74,
        'Replying would confirm a timetable not yet announced',
        ['bus-reform', 'minister-mentions'],
        [
          { kind: 'mention', detail: 'Names the Secretary of State for Transport' },
          { kind: 'velocity', detail: '30 replies in the last 2 hours' },
          { kind: 'sentiment', detail: 'Mostly negative about rural bus cuts' },
        ],
      ),
    ],
    engagement: null,
  },
  {
    id: 'c3',
    title: 'Driving test waiting times — is the DVSA booking site broken again?',
    url: 'https://blog.example.org/2025/11/driving-tests',
    source: 'learner-drivers-blog',
    platform: 'web',
    postCount: 6,
    participantCount: 5,
    startedAt: ago(60 * 30),
    lastActivityAt: ago(60 * 4),
    tags: [
      tag(
        'pointer',
        61,
        'Point to the DVSA service status page',
        ['driving-tests'],
        [
          { kind: 'question', detail: 'Asks whether the booking service is down' },
          {
            kind: 'already-engaged',
            detail: 'The department replied 2 hours 5 minutes after the first post',
          },
        ],
      ),
    ],
    engagement: { department: 'dft', firstResponseAt: ago(60 * 28), firstResponseSeconds: 7500 },
  },
  {
    id: 'c4',
    title: 'Should e-scooter trials be made permanent? Our council wants your views',
    url: 'https://www.reddit.com/r/unitedkingdom/comments/abc',
    source: 'reddit-uk',
    platform: 'reddit',
    postCount: 120,
    participantCount: 88,
    startedAt: ago(60 * 24 * 3),
    lastActivityAt: ago(60 * 26),
    tags: [
      tag(
        'clearance',
        55,
        'Asks for the department’s view on future policy',
        ['micromobility'],
        [
          { kind: 'reach', detail: 'Started by an account with 48,000 followers' },
          { kind: 'noise', detail: 'Some replies look like a competition thread' },
        ],
      ),
    ],
    engagement: null,
  },
  {
    id: 'c5',
    title: null,
    url: 'javascript:alert(1)',
    source: 'hn-front-page',
    platform: 'hackernews',
    postCount: 2,
    participantCount: 2,
    startedAt: ago(60 * 24 * 9),
    lastActivityAt: ago(60 * 24 * 8),
    tags: [tag('none', 12, 'Off-topic for the department: no reply suggested', ['rail-fares'], [])],
    engagement: null,
  },
];

export const conversationPage = { items: conversations, nextCursor: 'cursor-2' };

export const conversationDetail = {
  ...conversations[2],
  tags: [
    ...conversations[2].tags,
    {
      department: 'dvsa',
      score: 78,
      route: 'pointer',
      routeReason: 'Point to “Driving test: check for cancellations” on GOV.UK',
      resources: [{ title: 'Guidance on GOV.UK', url: 'https://www.gov.uk/', similarity: 0.31 }],
      rules: ['test-booking'],
      signals: [{ kind: 'resource-match', detail: 'Matches “Change your driving test appointment”' }],
    },
  ],
  posts: [
    {
      id: 'p1',
      url: 'https://blog.example.org/2025/11/driving-tests',
      author: { name: 'Priya', handle: 'learnerpriya' },
      publishedAt: ago(60 * 30),
      text: 'Third morning in a row the booking site says “no tests available” for 24 weeks.\n\nIs the DVSA site broken, or are there really no tests? <script>alert("not html")</script>',
      inReplyTo: null,
      byDepartment: null,
    },
    {
      id: 'p2',
      url: null,
      author: { name: 'Tom', handle: null },
      publishedAt: ago(60 * 29),
      text: 'Same here. I check at 6am every day.',
      inReplyTo: 'p1',
      byDepartment: null,
    },
    {
      id: 'p3',
      url: 'https://blog.example.org/2025/11/driving-tests#comment-3',
      author: { name: 'DVSA', handle: 'dvsagovuk' },
      publishedAt: ago(60 * 28),
      text: 'Hello Priya, the service is working. New tests are released throughout the day: you can check for cancellations here: https://www.gov.uk/change-driving-test',
      inReplyTo: 'p1',
      byDepartment: 'dvsa',
    },
    {
      id: 'p4',
      url: null,
      author: { name: 'Priya', handle: 'learnerpriya' },
      publishedAt: ago(60 * 27),
      text: 'Thank you, found one for next month!',
      inReplyTo: 'p3',
      byDepartment: null,
    },
    {
      id: 'p5',
      url: null,
      author: { name: null, handle: 'anon1234' },
      publishedAt: ago(60 * 4),
      text: 'Bookmarking this.',
      inReplyTo: null,
      byDepartment: null,
    },
  ],
};

export const sources = [
  {
    id: 's1',
    key: 'commuter-forum',
    name: 'Commuter forum',
    type: 'discourse',
    url: 'https://forum.example.org',
    interval: '5m',
    enabled: true,
    department: 'dft',
    health: {
      lastFetchAt: ago(2),
      lastSuccessAt: ago(2),
      lastError: null,
      postCount: 18234,
      postsPerDay: 310.4,
      consecutiveFailures: 0,
      nextRunAt: ahead(3),
    },
  },
  {
    id: 's2',
    key: 'learner-drivers-blog',
    name: null,
    type: 'feed',
    url: 'https://blog.example.org/comments/feed/',
    interval: '15m',
    enabled: true,
    department: 'dvsa',
    health: {
      lastFetchAt: ago(7),
      lastSuccessAt: ago(60 * 26),
      lastError: 'HTTP 503 Service Unavailable from blog.example.org (after 3 attempts)',
      postCount: 612,
      postsPerDay: 12.3,
      consecutiveFailures: 3,
      nextRunAt: null,
    },
  },
  {
    id: 's3',
    key: 'mastodon-transport-tag',
    name: 'Mastodon #transport',
    type: 'mastodon',
    url: 'https://mastodon.example/tags/transport',
    interval: '1m',
    enabled: true,
    department: null,
    health: {
      lastFetchAt: ago(1),
      lastSuccessAt: ago(1),
      lastError: null,
      postCount: 90211,
      postsPerDay: 1402,
      consecutiveFailures: 0,
      nextRunAt: ahead(1),
    },
  },
  {
    id: 's4',
    key: 'sample-travel',
    name: 'Sample travel feed',
    type: 'feed',
    url: 'sample:travel-advice',
    interval: '1h',
    enabled: false,
    department: null,
    health: {
      lastFetchAt: null,
      lastSuccessAt: null,
      lastError: null,
      postCount: 0,
      postsPerDay: 0,
      consecutiveFailures: 0,
      nextRunAt: null,
    },
  },
];

export const health = { status: 'degraded', db: true, redis: false };
