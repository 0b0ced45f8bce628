// Realistic api answers, shaped like the types in libs/contracts, for looking at pages without a running api.
const NOW = Date.now();
const ago = (minutes) => new Date(NOW - minutes * 60_000).toISOString();
const ahead = (minutes) => new Date(NOW + minutes * 60_000).toISOString();

export const me = {
  id: 'u1',
  email: 'sam.jones@dft.example.gov.uk',
  name: 'Sam Jones',
  workspaceAdmin: false,
  memberships: [
    { department: 'dft', role: 'manager' },
    { department: 'dvsa', role: 'viewer' },
  ],
  // What the api says Sam may do in each department: change dft's rules; dvsa's are read-only to Sam.
  departments: [
    {
      key: 'dft',
      name: 'Department for Transport',
      role: 'manager',
      permissions: ['department.read', 'conversation.act', 'rule.edit', 'source.edit', 'evaluation.read'],
    },
    {
      key: 'dvsa',
      name: 'Driver and Vehicle Standards Agency',
      role: 'viewer',
      permissions: ['department.read'],
    },
  ],
  csrfToken: 'csrf-demo-token',
};

// Signal details as tagging writes them: matched words as the posts wrote them, closeness and tone in words.
const RAILCARDS = { title: 'Railcards', url: 'https://www.gov.uk/railcards', similarity: 0.41 };
const BUS_REFORM = {
  title: 'Bus services: franchising guidance',
  url: 'https://www.gov.uk/government/publications/bus-franchising',
  similarity: 0.18,
};
const tag = (route, score, routeReason, rules, signals, resources = []) => ({
  department: 'dft',
  score,
  route,
  routeReason,
  rules,
  signals,
  resources,
});

export const conversations = [
  {
    id: 'c1',
    title: 'Does anyone know if the railcard discount applies to off-peak season tickets?',
    url: 'https://forum.example.org/t/railcard-season-tickets/4411',
    source: 'commuter-forum',
    sourceName: 'Commuter forum',
    platform: 'discourse',
    postCount: 14,
    participantCount: 9,
    startedAt: ago(60 * 20),
    lastActivityAt: ago(35),
    tags: [
      tag(
        'public-info',
        86,
        'the answer is already public: share "Railcards" (gov.uk/railcards)',
        ['rail-fares'],
        [
          { kind: 'rule', detail: 'rail-fares (railcard, discount, season tickets)' },
          {
            kind: 'question',
            detail: 'Does anyone know if the railcard discount applies to off-peak season tickets?',
          },
          { kind: 'resource-match', detail: '"Railcards" (gov.uk/railcards), a close match' },
          { kind: 'participants', detail: '9 people taking part' },
          { kind: 'recency', detail: 'last public post 35 min ago' },
        ],
        [RAILCARDS],
      ),
    ],
    engagement: null,
  },
  {
    id: 'c2',
    title: 'Minister says new bus franchising powers “by spring”: what does this mean for rural routes?',
    url: 'https://mastodon.example/@localnews/113',
    source: 'mastodon-transport-tag',
    sourceName: 'Mastodon #transport',
    platform: 'mastodon',
    postCount: 41,
    participantCount: 27,
    startedAt: ago(60 * 6),
    lastActivityAt: ago(12),
    tags: [
      tag(
        'press-office',
        74,
        'asks about an announcement: refer to the press office',
        ['bus-reform', 'minister-mentions'],
        [
          {
            kind: 'rule',
            detail: 'bus-reform (bus, franchising, rural routes); minister-mentions (transport secretary)',
          },
          { kind: 'question', detail: 'What does this mean for rural routes?' },
          { kind: 'mention', detail: 'names "Department for Transport"; addresses @transportgovuk' },
          {
            kind: 'resource-match',
            detail: `"${BUS_REFORM.title}" (gov.uk/government/publications/bus-franchising), on a related subject`,
          },
          { kind: 'participants', detail: '27 people taking part' },
          { kind: 'sentiment', detail: '23 of 41 posts negative' },
          { kind: 'recency', detail: 'last public post 12 min ago' },
        ],
        [BUS_REFORM],
      ),
    ],
    engagement: null,
  },
  {
    id: 'c3',
    title: 'Driving test waiting times — is the DVSA booking site broken again?',
    url: 'https://blog.example.org/2025/11/driving-tests',
    source: 'learner-drivers-blog',
    sourceName: null,
    platform: 'web',
    postCount: 6,
    participantCount: 5,
    startedAt: ago(60 * 30),
    lastActivityAt: ago(60 * 4),
    tags: [
      tag(
        'pointer',
        61,
        'published material covers this: point to "Driving test: check for cancellations" (gov.uk/driving-test-cancellations)',
        ['driving-tests'],
        [
          { kind: 'rule', detail: 'driving-tests (driving, tests, booking)' },
          { kind: 'question', detail: 'Is the DVSA site broken, or are there really no tests?' },
          {
            kind: 'resource-match',
            detail:
              '"Driving test: check for cancellations" (gov.uk/driving-test-cancellations), on a related subject',
          },
          { kind: 'recency', detail: 'last public post 4 h ago' },
        ],
        [
          {
            title: 'Driving test: check for cancellations',
            url: 'https://www.gov.uk/driving-test-cancellations',
            similarity: 0.21,
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
    sourceName: 'r/unitedkingdom',
    platform: 'reddit',
    postCount: 120,
    participantCount: 88,
    startedAt: ago(60 * 24 * 3),
    lastActivityAt: ago(60 * 26),
    tags: [
      tag(
        'clearance',
        55,
        "asks for the department's view: check with policy and comms officials first",
        ['micromobility'],
        [
          { kind: 'rule', detail: 'micromobility (e-scooter, trials)' },
          { kind: 'question', detail: 'Should e-scooter trials be made permanent?' },
          { kind: 'participants', detail: '88 people taking part' },
          {
            kind: 'reach',
            detail: 'largest audience 48,000 followers (@citycouncil); 51,200 across 12 known authors',
          },
          { kind: 'recency', detail: 'quiet for 26 h' },
          { kind: 'noise', detail: 'competition ("win a scooter")' },
        ],
      ),
    ],
    engagement: null,
  },
  {
    id: 'c5',
    title: null,
    url: 'javascript:alert(1)',
    source: 'sample-travel-talk',
    sourceName: 'Sample data (offline replay): Travel Talk',
    platform: 'hackernews',
    postCount: 2,
    participantCount: 2,
    startedAt: ago(60 * 24 * 9),
    lastActivityAt: ago(60 * 24 * 8),
    tags: [
      tag(
        'none',
        12,
        'no question asked: keep listening',
        ['rail-fares'],
        [
          { kind: 'rule', detail: 'rail-fares (rail fares)' },
          { kind: 'recency', detail: 'quiet for 8 days' },
        ],
      ),
    ],
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
      routeReason:
        'the answer is already public: share "Change your driving test appointment" (gov.uk/change-driving-test)',
      resources: [
        {
          title: 'Change your driving test appointment',
          url: 'https://www.gov.uk/change-driving-test',
          similarity: 0.38,
        },
      ],
      rules: ['test-booking'],
      signals: [
        { kind: 'rule', detail: 'test-booking (driving test, booking, #DrivingTest)' },
        { kind: 'question', detail: 'Is the DVSA site broken, or are there really no tests?' },
        { kind: 'mention', detail: 'names "DVSA"' },
        {
          kind: 'resource-match',
          detail: '"Change your driving test appointment" (gov.uk/change-driving-test), a close match',
        },
        { kind: 'recency', detail: 'last public post 4 h ago' },
        {
          kind: 'already-engaged',
          detail:
            'Driver and Vehicle Standards Agency last posted 28 h ago; first reply 2 h after the first public post; 2 public posts since',
        },
      ],
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
      text: 'Same here. I check at 6am every day #DrivingTest',
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

const rule = (department, key, name, query, purpose, enabled, version, minutesAgo) => ({
  department,
  key,
  name,
  query,
  purpose,
  enabled,
  version,
  updatedAt: ago(minutesAgo),
});

export const rules = {
  dft: [
    rule(
      'dft',
      'rail-fares',
      'Rail fares',
      'railcard OR "season ticket" OR (fare* NEAR/4 (rail OR train)) -competition',
      'Questions about fares and railcards that GOV.UK guidance already answers.',
      true,
      4,
      60 * 26,
    ),
    rule(
      'dft',
      'bus-reform',
      'Bus reform',
      '(bus OR buses) AND (franchis* OR "rural route*" OR timetable*) lang:en',
      'Bus franchising and rural routes, ahead of the Bus Services Bill.',
      true,
      2,
      60 * 24 * 9,
    ),
    rule(
      'dft',
      'minister-mentions',
      'Minister mentions',
      '@transportgovuk OR "transport secretary"',
      null,
      true,
      1,
      60 * 24 * 40,
    ),
    rule(
      'dft',
      'micromobility',
      'E-scooters and micromobility',
      'e-scooter* OR "e scooter" OR micromobility OR #escooters',
      'Paused until the trial evaluation is published.',
      false,
      3,
      60 * 24 * 3,
    ),
  ],
  dvsa: [
    rule(
      'dvsa',
      'test-booking',
      'Driving test booking',
      '("driving test" OR "practical test") AND (book* OR cancel* OR wait*)',
      'People struggling to book a test.',
      true,
      5,
      60 * 5,
    ),
  ],
};

export const ruleVersions = [
  {
    version: 4,
    name: 'Rail fares',
    queryBefore: 'railcard OR "season ticket" OR (fare* NEAR/4 (rail OR train))',
    queryAfter: 'railcard OR "season ticket" OR (fare* NEAR/4 (rail OR train)) -competition',
    enabled: true,
    reason: 'Competition threads were reaching the inbox',
    changedBy: 'sam.jones@dft.example.gov.uk',
    changedAt: ago(60 * 26),
  },
  {
    version: 3,
    name: 'Rail fares',
    queryBefore: 'railcard OR "season ticket"',
    queryAfter: 'railcard OR "season ticket" OR (fare* NEAR/4 (rail OR train))',
    enabled: true,
    reason: 'Include general questions about rail fares after the January rise',
    changedBy: 'alex.patel@dft.example.gov.uk',
    changedAt: ago(60 * 24 * 12),
  },
  {
    version: 2,
    name: 'Rail fares',
    queryBefore: 'railcard OR "season ticket"',
    queryAfter: 'railcard OR "season ticket"',
    enabled: false,
    reason: 'Paused over the election period',
    changedBy: null,
    changedAt: ago(60 * 24 * 70),
  },
  {
    version: 1,
    name: 'Rail fares',
    queryBefore: null,
    queryAfter: 'railcard OR "season ticket"',
    enabled: true,
    reason: null,
    changedBy: 'workspace.yaml',
    changedAt: ago(60 * 24 * 120),
  },
];

/** What the preview api would say: a 400 naming the position of an unclosed bracket or quote, else a count. */
export const previewFor = (query) => {
  const open = [];
  let quote = null;
  for (let at = 0; at < query.length; at += 1) {
    const char = query[at];
    if (quote !== null) {
      if (char === '"') quote = null;
    } else if (char === '"') quote = at;
    else if (char === '(') open.push(at);
    else if (char === ')') {
      if (open.length === 0)
        return problem(`unexpected ")" at position ${at}: there is no "(" for it to close`);
      open.pop();
    }
  }
  if (quote !== null) return problem(`expected a closing " for the phrase that starts at position ${quote}`);
  if (open.length > 0)
    return problem(`expected a closing ")" for the "(" at position ${open[open.length - 1]}`);
  return {
    status: 200,
    body: {
      count: 40 + ((query.length * 37) % 900),
      from: new Date(NOW - 30 * 86_400_000).toISOString(),
      to: new Date(NOW).toISOString(),
      sample: conversations.slice(0, 3).map(({ id, title, url, source, lastActivityAt }) => ({
        id,
        title,
        url,
        source,
        lastActivityAt,
      })),
    },
  };
};

const problem = (message) => ({
  status: 400,
  body: {
    code: 'invalid',
    message: `The query cannot be used: ${message}`,
    problems: [{ path: 'query', message }],
  },
});

export const ruleSaved = (department, key, body) => {
  const existing = rules[department]?.find((r) => r.key === key);
  return {
    rule: {
      department,
      key,
      name: body.name,
      query: body.query,
      purpose: body.purpose ?? null,
      enabled: body.enabled,
      version: (existing?.version ?? 0) + 1,
      updatedAt: new Date().toISOString(),
    },
    backfill: 'backfill-42',
  };
};

export const backfillActive = {
  id: 'backfill-42',
  state: 'active',
  done: 120,
  total: 450,
  failedReason: null,
};
