import type { DepartmentFacts, RuleHit, ThreadFacts, ThreadPostFacts } from './thread-facts';

/** Fixed clock for every test: signals that read the time must be reproducible. */
export const NOW = new Date('2025-03-10T12:00:00Z');
export const hoursAgo = (h: number): Date => new Date(NOW.getTime() - h * 3_600_000);

let nextId = 0;
/** A public post unless `byDepartmentId` says otherwise; every field can be overridden. */
export const post = (text: string, overrides: Partial<ThreadPostFacts> = {}): ThreadPostFacts => ({
  id: String(++nextId),
  title: null,
  text,
  authorName: null,
  authorHandle: `person${nextId}`,
  authorFollowers: null,
  publishedAt: hoursAgo(1),
  byDepartmentId: null,
  platform: 'reddit',
  url: null,
  ...overrides,
});

export const thread = (posts: ThreadPostFacts[]): ThreadFacts => ({ posts, now: NOW });

export const DFE: DepartmentFacts = {
  id: 'dfe-id',
  key: 'dfe',
  name: 'Department for Education',
  aliases: ['DfE', 'education department'],
  handles: ['educationgovuk'],
  resources: [
    {
      title: 'Repaying your student loan',
      url: 'https://www.gov.uk/repaying-your-student-loan',
      text:
        'You repay your student loan when your income is over the repayment threshold for your plan. ' +
        'How much you repay each month depends on which repayment plan you are on: Plan 1, Plan 2, Plan 4, ' +
        'Plan 5 or Postgraduate Loan. You pay 9% of your income over the threshold. Your employer takes ' +
        'repayments from your salary through PAYE. If you are self-employed you repay through Self Assessment. ' +
        'Interest is added to your loan from the day you receive the first payment.',
    },
    {
      title: 'School term and holiday dates',
      url: 'https://www.gov.uk/school-term-holiday-dates',
      text:
        'Find out school term and holiday dates from your local council. Each council publishes the term dates ' +
        'for the schools it runs. Academies and free schools set their own term dates.',
    },
    {
      title: 'Apply for free school meals',
      url: 'https://www.gov.uk/apply-free-school-meals',
      text:
        'Your child may get free school meals if you receive Universal Credit or other benefits. Apply through ' +
        'your local council. Infant children in reception, year 1 and year 2 get free meals automatically.',
    },
    {
      title: '30 hours free childcare',
      url: 'https://www.gov.uk/30-hours-free-childcare',
      text:
        'You may be able to get 30 hours free childcare if your child is 3 to 4 years old and you work. ' +
        'Apply online and reconfirm your eligibility every 3 months.',
    },
  ],
};

export const DWP: DepartmentFacts = {
  id: 'dwp-id',
  key: 'dwp',
  name: 'Department for Work and Pensions',
  aliases: ['DWP'],
  handles: ['dwpgovuk'],
  resources: [
    {
      title: 'Universal Credit: support for a maximum of 2 children',
      url: 'https://www.gov.uk/guidance/universal-credit-support-for-a-maximum-of-2-children-information-for-claimants',
      text:
        'Universal Credit includes an amount for a maximum of 2 children. There are exceptions for a third ' +
        'or additional child: multiple births, adoption, non-parental caring arrangements and non-consensual ' +
        'conception. You must tell us if an exception applies.',
    },
    {
      title: 'Universal Credit: how to claim',
      url: 'https://www.gov.uk/universal-credit/how-to-claim',
      text: 'You can apply for Universal Credit online. You will need your bank details, email address and phone.',
    },
  ],
};

/** A hit without the posts it matched: every public post is then evidence. */
export const hit = (key: string, ...matchedTerms: string[]): RuleHit => ({
  key,
  version: 1,
  matchedTerms,
  postIds: [],
});
