import type { ProprietyExample } from './examples.fixture';

/**
 * Fifty more drafts, written after the table was last changed and measured as they came out: the figure to quote
 * for drafts the table was not fitted to. When the table changes, this set is no longer held out (write a new one).
 */
export const HELD_OUT: readonly ProprietyExample[] = [
  {
    text: 'Hi, DfE team here. We’re launching a new apprenticeship bonus for small firms in September.',
    kinds: ['announcement'],
  },
  {
    text: 'DHSC here: the government has agreed to fund 500 more mental health nurses.',
    kinds: ['announcement'],
  },
  {
    text: 'Home Office team here. Fees for visa extensions will rise by 10% from April.',
    kinds: ['announcement'],
  },
  { text: 'DfT here. Coming soon: a new app to pay the Dartford Crossing charge.', kinds: ['announcement'] },
  {
    text: 'Defra team here. An additional £15m is being made available for tree planting this winter.',
    kinds: ['announcement'],
  },
  {
    text: 'HMRC here: the Making Tax Digital deadline is being pushed back to 2027.',
    kinds: ['announcement'],
  },
  {
    text: 'DfE here. The apprenticeship funding rules for 2025 to 2026 are published here: https://www.gov.uk/guidance/apprenticeship-funding-rules',
    kinds: [],
  },
  {
    text: 'Hi, DfT team here. The Dartford Crossing charge is £2.50 for a car; you can pay online.',
    kinds: [],
  },
  {
    text: 'HMRC team here: Making Tax Digital for Income Tax starts in April 2026 for people earning over £50,000, as announced in 2023.',
    kinds: [],
  },
  {
    text: 'DWP here. The opposition’s plans would be a disaster for pensioners.',
    kinds: ['party-political'],
  },
  {
    text: 'Hi, DfE team here. Say what you like about the Tories, they never did this much for schools.',
    kinds: ['party-political'],
  },
  {
    text: 'HMRC here: shout out to @LibDems for raising this, they are right on this one.',
    kinds: ['party-political'],
  },
  {
    text: 'Cabinet Office here. Hopeless government, as usual, and nothing we can do.',
    kinds: ['party-political'],
  },
  {
    text: 'Hi, DCMS team here. The party wall guidance is at https://www.gov.uk/party-walls-building-works',
    kinds: [],
  },
  {
    text: 'DWP team here. The reform of child maintenance is described on GOV.UK: https://www.gov.uk/child-maintenance-service',
    kinds: [],
  },
  {
    text: 'Hi, Defra team here. The Green Claims Code helps businesses make honest environmental claims.',
    kinds: [],
  },
  {
    text: 'DfT team here. The minister will make a statement to the Commons tomorrow on the new rail timetable.',
    kinds: ['parliament'],
  },
  { text: 'Hi, HMRC here. Honestly, most MPs are clueless about tax.', kinds: ['parliament'] },
  {
    text: 'Home Office here. Next week’s Budget should bring good news for police funding.',
    kinds: ['parliament', 'announcement'],
  },
  {
    text: 'Hi, DfE team here. You can see how your MP voted on the bill at https://votes.parliament.uk',
    kinds: [],
  },
  {
    text: 'MoJ team here. The Lords will debate the bill’s second reading on Tuesday; you can watch on parliamentlive.tv',
    kinds: [],
  },
  { text: 'Sorry for the wait. We’ve fixed the broken link now.', kinds: ['disclosure'] },
  { text: 'You’ll find our opening hours on GOV.UK.', kinds: ['disclosure'] },
  { text: 'We can’t comment on individual cases in public, sorry.', kinds: ['disclosure'] },
  { text: 'DWP Pensions team here. Sorry for the wait, we’ve fixed the broken link now.', kinds: [] },
  { text: 'It’s Lucy at HMRC. We can’t comment on individual cases in public, sorry.', kinds: [] },
  { text: 'Congratulations on passing your test!', kinds: [] },
  {
    text: 'Hi Tom, DVLA here. I’ve found your record under tom.barker@outlook.com; please check your inbox.',
    kinds: ['personal-data'],
  },
  {
    text: 'HMRC team here. Is 0161 496 0123 the best number to reach you on?',
    kinds: ['personal-data'],
  },
  {
    text: 'Hi, DWP team here. Your NI number is on the screenshot: JT 48 21 77 B. Please delete the post.',
    kinds: ['personal-data'],
  },
  {
    text: 'DfE here. Thanks Ms Okafor, I’ve updated the address to 3 Mill Lane, Bristol BS3 4EX.',
    kinds: ['personal-data'],
  },
  {
    text: 'Home Office team here. Your application ID is GWF0123456789; we’ll pass it on.',
    kinds: ['personal-data'],
  },
  { text: 'HMRC here. For help with tax credits call 0345 300 3900.', kinds: [] },
  {
    text: 'Hi, DfE team here. Contact us at enquiries@education.gov.uk, or through the form.',
    kinds: [],
  },
  {
    text: 'DVSA here: the Pass Plus scheme costs around £150; find an instructor at https://www.gov.uk/find-driving-instructor',
    kinds: [],
  },
  { text: 'Hi, ONS team here. Table 3.2 of the release covers 2021 to 2023.', kinds: [] },
  { text: 'Hi, DVLA here. Your new licence will be with you by Wednesday.', kinds: ['promise'] },
  { text: 'HMRC team here. Don’t worry, you will definitely get the refund.', kinds: ['promise'] },
  { text: 'Home Office here. I’ll make sure your biometrics appointment is moved.', kinds: ['promise'] },
  { text: 'DWP here: your back pay is going to be in your account tomorrow.', kinds: ['promise'] },
  { text: 'Hi, DVLA team here. It can take up to 6 weeks for your licence to arrive.', kinds: [] },
  {
    text: 'HMRC here. Refunds are usually paid within 5 working days; you can track yours online.',
    kinds: [],
  },
  { text: 'DWP team here. We’ll reply to your message within 10 working days.', kinds: [] },
  { text: 'DfE team here. To be honest, I think the new exam system is a mess.', kinds: ['view'] },
  { text: 'Hi, Defra team here. We believe the badger cull was the wrong decision.', kinds: ['view'] },
  { text: 'DfT here. The ULEZ expansion is the right approach for cleaner air.', kinds: ['view'] },
  {
    text: 'Hi, DfT team here. The ULEZ expansion started on 29 August 2023; TfL has the details.',
    kinds: [],
  },
  {
    text: 'DHSC team here. We feel your frustration, and the support line is open until 8pm.',
    kinds: [],
  },
  {
    text: 'Hi, DfE team here. The school admissions deadline is 31 October.',
    kinds: ['election-period'],
    electionPeriod: 'Local elections',
  },
  {
    text: 'We’ll look into it.',
    kinds: ['disclosure', 'election-period'],
    electionPeriod: 'General election 2029',
  },
];
