import type { ProprietyKind } from './types';

/**
 * Drafts as comms officers write them, each with every kind a careful reviewer would flag (and `spans` the checker
 * must highlight exactly). Invented: names, numbers and addresses are fictional (Ofcom's drama numbers, made-up
 * references). Written to the guidance first and kept as written, so the measured precision and recall say how
 * the table does on them rather than how well it was fitted.
 */
export type ProprietyExample = {
  text: string;
  kinds: ProprietyKind[];
  spans?: string[];
  electionPeriod?: string;
  /** Why the checker gets this one wrong: kept in the measure, left out of the exact table test. */
  known?: string;
};

const announcement: ProprietyExample[] = [
  {
    text: 'Hi, DfE team here. The new grant opens to applicants in the spring, so keep an eye on GOV.UK.',
    kinds: ['announcement'],
  },
  {
    text: 'HMRC here: we’re going to scrap the paper form for self assessment from next April.',
    kinds: ['announcement'],
  },
  {
    text: 'DfT here. An extra £200 million will go to bus services in the north next year.',
    kinds: ['announcement'],
    spans: ['An extra £200 million'],
  },
  {
    text: 'Defra press office here — the government will invest £30m in flood defences for Cumbria, details to follow.',
    kinds: ['announcement'],
  },
  {
    text: 'DWP team here: ministers have decided to extend the cost of living payments into 2027.',
    kinds: ['announcement'],
  },
  {
    text: 'Hi, DHSC digital team here. Watch this space: exciting news is coming next week about GP appointments.',
    kinds: ['announcement'],
  },
  { text: 'DESNZ here. The boiler upgrade grant will be doubled from January.', kinds: ['announcement'] },
  {
    text: 'DfE team here: the deadline for applications will be extended to 30 June.',
    kinds: ['announcement'],
  },
  {
    text: 'Cabinet Office here: plans for the new civil service hub in Darlington have been approved.',
    kinds: ['announcement'],
  },
  {
    text: 'Hi, DVLA team here. We will be introducing digital driving licences later this year.',
    kinds: ['announcement'],
  },
  {
    text: 'Home Office here: a new visa route for care workers is coming next month.',
    kinds: ['announcement'],
  },
  {
    text: 'DfT digital team here. Between you and me, the fare cap is going up to £3 in the new year.',
    kinds: ['announcement'],
  },
  {
    text: 'Hi from the DfE team! More details on the new free childcare scheme to follow soon — we’ll be announcing the start date shortly.',
    kinds: ['announcement'],
  },
  {
    text: 'HMRC here. We are planning to raise the VAT registration threshold in the Budget.',
    kinds: ['announcement', 'parliament'],
  },
];

const notAnnouncement: ProprietyExample[] = [
  {
    text: 'DfE team here: applications for the grant are open now. You can apply on GOV.UK: https://www.gov.uk/apply-for-student-finance',
    kinds: [],
  },
  {
    text: 'Hi, HMRC here. The new rates were announced in March and you can find them on GOV.UK.',
    kinds: [],
  },
  {
    text: 'DWP digital team here. The cost of living payments were paid in 2023 and 2024; there are no further payments planned that we can share.',
    kinds: [],
  },
  {
    text: 'Hi, Defra team here. Any changes to the scheme will be published on GOV.UK, so please check there.',
    kinds: [],
  },
  { text: 'DfT here: the consultation closes on 12 January. You can respond online.', kinds: [] },
  {
    text: 'DVSA digital team here: the new theory test rules came into force in September 2023. Here is what changed: https://www.gov.uk/theory-test',
    kinds: [],
  },
  {
    text: 'Hi, DESNZ team here. The boiler upgrade scheme gives you up to £7,500 towards a heat pump. Details: https://www.gov.uk/apply-boiler-upgrade-scheme',
    kinds: [],
  },
  {
    text: 'Home Office here. We can’t comment on future immigration policy, but the current rules are on GOV.UK.',
    kinds: [],
  },
  {
    text: 'Hi, MHCLG team here. There’s no decision on the funding yet; when there is, it will be on GOV.UK.',
    kinds: [],
  },
  { text: 'DfE here: term dates are set by your local council, so please check their website.', kinds: [] },
  {
    text: 'HMRC here: the deadline for online tax returns is 31 January. You can file at https://www.gov.uk/log-in-file-self-assessment-tax-return',
    kinds: [],
  },
];

const partyPolitical: ProprietyExample[] = [
  {
    text: 'DWP team here. Thanks to this government’s investment, more people than ever are in work.',
    kinds: ['party-political'],
  },
  {
    text: 'HMRC here: unlike the last government, we’re actually fixing the tax system.',
    kinds: ['party-political'],
  },
  {
    text: 'Hi, DfE team here. The Conservatives left schools crumbling, but we’re turning it around.',
    kinds: ['party-political'],
    spans: ['Conservatives'],
  },
  { text: 'Vote Labour on Thursday for better schools! – DfE', kinds: ['party-political'] },
  {
    text: 'DHSC here: great thread from @UKLabour on NHS waiting lists, worth a read.',
    kinds: ['party-political'],
    spans: ['@UKLabour'],
  },
  {
    text: 'Hi, DfT team here. Our brilliant Transport Secretary has delivered again!',
    kinds: ['party-political'],
  },
  {
    text: 'Home Office here: we’re the ones who will stop the boats, whatever the opposition says.',
    kinds: ['party-political'],
  },
  {
    text: 'Defra team here. The Lib Dems have been scaremongering about sewage for years.',
    kinds: ['party-political'],
  },
  {
    text: 'DESNZ here. Years of Tory neglect left our energy system exposed.',
    kinds: ['party-political'],
  },
  {
    text: 'Hi, DCMS team here. The Prime Minister’s visionary leadership got this deal done.',
    kinds: ['party-political'],
  },
  {
    text: 'DWP digital team here: the SNP government in Edinburgh has made a mess of this.',
    kinds: ['party-political'],
  },
  {
    text: 'Cabinet Office here. This government is getting on with the job while others just talk.',
    kinds: ['party-political'],
  },
  {
    text: 'Hi, HM Treasury team here. RT @Conservatives: Our plan is working. #VoteConservative',
    kinds: ['party-political'],
  },
];

const notPartyPolitical: ProprietyExample[] = [
  {
    text: 'ONS here: the latest labour market statistics are out. Unemployment was 4.2% in the three months to August.',
    kinds: [],
  },
  {
    text: 'Hi, DWP team here. The Labour Force Survey is run by the ONS; you can read about it on their website.',
    kinds: [],
  },
  {
    text: 'HMRC here: a conservative estimate is that it takes 20 minutes to fill in the form.',
    kinds: [],
  },
  {
    text: 'Hi, DfE team here. The Secretary of State for Education set out the curriculum review in a written statement, which you can read here: https://questions-statements.parliament.uk/written-statements',
    kinds: [],
  },
  {
    text: 'Cabinet Office here. You need to be registered to vote by 11:59pm on 18 April. Register at https://www.gov.uk/register-to-vote',
    kinds: [],
  },
  {
    text: 'Hi, Defra team here. The government’s policy on bathing water is set out here: https://www.gov.uk/government/publications/bathing-waters',
    kinds: [],
  },
  {
    text: 'DfT here: the Green Book is HM Treasury’s guidance on appraisal; it is at https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-government',
    kinds: [],
  },
  {
    text: 'Hi, DHSC team here. Reform of adult social care is covered in this policy paper: https://www.gov.uk/government/publications/people-at-the-heart-of-care',
    kinds: [],
  },
  {
    text: 'DWP team here. Universal Credit replaced six older benefits; this page explains the change: https://www.gov.uk/universal-credit',
    kinds: [],
  },
  {
    text: 'MoJ here. The Justice Secretary answers questions in the Commons once a month; transcripts are in Hansard.',
    kinds: [],
  },
  {
    text: 'Hi, DCMS team here. The strong demand for tickets means the booking site is busy; please try again later.',
    kinds: [],
  },
];

const parliament: ProprietyExample[] = [
  {
    text: 'HM Treasury team here. Tomorrow’s Budget will include a freeze on fuel duty.',
    kinds: ['announcement', 'parliament'],
  },
  {
    text: 'Hi, DfE team here. The Secretary of State will set out the new plans to Parliament next week.',
    kinds: ['parliament'],
  },
  {
    text: 'DWP here: MPs are a bunch of dinosaurs when it comes to benefits.',
    kinds: ['parliament'],
  },
  {
    text: 'Cabinet Office here. Honestly, the select committee is a waste of time.',
    kinds: ['parliament'],
  },
  {
    text: 'Hi, Home Office team here. The details will be announced in the King’s Speech, so I can’t say more.',
    kinds: ['parliament'],
  },
  {
    text: 'DHSC here. Ahead of tomorrow’s statement to the House, here’s what the changes mean for you.',
    kinds: ['parliament'],
  },
  {
    text: 'Hi, DfT team here. Unelected peers are blocking the railway bill again.',
    kinds: ['parliament'],
  },
  {
    text: 'Defra here: we’ll just bypass Parliament and bring the rules in by regulation.',
    kinds: ['parliament', 'announcement'],
    known:
      'missed announcement: the plan ("bring the rules in") is three words past "we’ll", beyond the pattern',
  },
  {
    text: 'DESNZ team here. The regulations will be laid before Parliament next week, and they’ll cut bills by £150.',
    kinds: ['parliament', 'announcement'],
  },
  {
    text: 'Hi, MHCLG here. Before it’s announced in Parliament: the housing target is going up to 370,000.',
    kinds: ['parliament', 'announcement'],
  },
  {
    text: 'HMRC here. The Commons is a circus, but the tax rules are still the tax rules.',
    kinds: ['parliament'],
  },
];

const notParliament: ProprietyExample[] = [
  {
    text: 'Hi, DfE team here. The Children’s Wellbeing and Schools Bill is going through Parliament; you can follow it at https://bills.parliament.uk',
    kinds: [],
  },
  {
    text: 'MoJ here: Parliament is in recess until 2 September, so written questions will be answered after that.',
    kinds: [],
  },
  {
    text: 'Hi, DWP team here. The minister answered a question about this in Parliament last week: https://hansard.parliament.uk',
    kinds: [],
  },
  {
    text: 'HM Treasury here: the measures announced in the Autumn Budget 2024 are summarised on GOV.UK: https://www.gov.uk/government/publications/autumn-budget-2024',
    kinds: [],
  },
  {
    text: 'Hi, Home Office team here. MPs debated the petition on 3 March; you can watch it on Parliament TV.',
    kinds: [],
  },
  {
    text: 'DfT digital team here. The Secretary of State will update the House in due course.',
    kinds: [],
  },
  {
    text: 'Hi, Defra here. Select committees hold the government to account; the committee’s report is here: https://committees.parliament.uk',
    kinds: [],
  },
  {
    text: 'DHSC team here. You can write to your MP about this; find them at https://members.parliament.uk',
    kinds: [],
  },
  {
    text: 'Cabinet Office here: the King’s Speech on 17 July set out the bills for this session; the background briefing is on GOV.UK.',
    kinds: [],
  },
];

const disclosure: ProprietyExample[] = [
  {
    text: 'We’ve passed your question to the right team and they’ll look into it.',
    kinds: ['disclosure'],
    spans: ['We’ve'],
  },
  {
    text: 'You can book or change a driving test on GOV.UK: https://www.gov.uk/book-driving-test',
    kinds: ['disclosure'],
  },
  { text: 'Our guidance on this is here: https://www.gov.uk/guidance/vat-guide', kinds: ['disclosure'] },
  {
    text: 'Thanks for flagging. We’re aware of the problem with the online form and are working on a fix.',
    kinds: ['disclosure'],
  },
  {
    text: 'Hi Sam, sorry to hear that. Please contact us through the form on our website and we can look at your case.',
    kinds: ['disclosure'],
  },
  {
    text: 'The department publishes these figures every quarter; the latest are on GOV.UK.',
    kinds: ['disclosure'],
  },
  {
    text: 'We don’t hold that information, but the ONS might: https://www.ons.gov.uk',
    kinds: ['disclosure'],
  },
  {
    text: 'Yes, you can claim this if you’re self-employed. We’d suggest checking the eligibility page first: https://www.gov.uk/self-employed-records',
    kinds: ['disclosure'],
  },
  { text: 'Let us know if the link doesn’t work and we’ll send another.', kinds: ['disclosure'] },
  {
    text: 'We’re sorry your application is taking longer than usual. You can check its progress at https://www.gov.uk/contact-dvla',
    kinds: ['disclosure'],
  },
];

const notDisclosure: ProprietyExample[] = [
  {
    text: 'Hi, DVSA digital team here: you can book or change a driving test on GOV.UK: https://www.gov.uk/book-driving-test',
    kinds: [],
  },
  { text: 'Thanks, glad that helped!', kinds: [] },
  {
    text: 'This is the HMRC customer support team. We can’t discuss individual cases here, but you can contact us through https://www.gov.uk/contact-hmrc',
    kinds: [],
  },
  {
    text: 'Hi Priya, I’m Tom from the DWP digital team. Our guidance on this is here: https://www.gov.uk/pip',
    kinds: [],
  },
  { text: 'We’ve updated the page now, thanks for spotting it. – Amy, DfE digital team', kinds: [] },
  { text: 'Happy new year to you too!', kinds: [] },
  {
    text: 'Defra here. Our flood warnings service is at https://check-for-flooding.service.gov.uk',
    kinds: [],
  },
  { text: 'On behalf of the Environment Agency: we’re sorry for the delay in replying.', kinds: [] },
  { text: 'Met Office here — our forecasts are updated every hour.', kinds: [] },
  { text: 'Great photo, thanks for sharing.', kinds: [] },
];

const personalData: ProprietyExample[] = [
  {
    text: 'Hi Jane, DWP team here. Please don’t post your details publicly: I can see your email jane.doe78@gmail.com in your post, you may want to delete it.',
    kinds: ['personal-data'],
    spans: ['jane.doe78@gmail.com'],
  },
  {
    text: 'HMRC here: we’ve tried to call you on 07700 900123 but couldn’t get through.',
    kinds: ['personal-data'],
    spans: ['07700 900123'],
  },
  {
    text: 'DWP team here. I’ve checked NI number AB 12 34 56 C and your claim is in progress.',
    kinds: ['personal-data'],
    spans: ['AB 12 34 56 C'],
  },
  {
    text: 'Hi Mr Khan, DVLA team here. We’ve sent the new licence to 14 Station Road, Leeds LS6 2AB.',
    kinds: ['personal-data'],
    spans: ['LS6 2AB'],
  },
  {
    text: 'DfE team here. I can see your case reference is CAS-2024-118273; we’ll look into it.',
    kinds: ['personal-data'],
    spans: ['CAS-2024-118273'],
  },
  {
    text: 'Hi, HMRC here. Your UTR 1234567890 appears in the screenshot, so please delete it.',
    kinds: ['personal-data'],
    spans: ['1234567890'],
  },
  {
    text: 'DVSA here: thanks Dr Evans, we’ve found your booking reference 38472910.',
    kinds: ['personal-data'],
    spans: ['38472910'],
  },
  {
    text: 'Home Office team here. For anyone helping Maria, her phone number is 020 7946 0958.',
    kinds: ['personal-data'],
    spans: ['020 7946 0958'],
  },
  {
    text: 'Hi, HM Passport Office team here. Passport number 123456789 has been cancelled, as you asked.',
    kinds: ['personal-data'],
    spans: ['123456789'],
  },
  {
    text: 'DVLA here. The licence number in your photo (MORGA657054SM9IJ) is readable, so please take the post down.',
    kinds: ['personal-data'],
    spans: ['MORGA657054SM9IJ'],
  },
  {
    text: 'Hi, DWP team here. Call me back on +44 7700 900456 and I’ll sort it.',
    kinds: ['personal-data'],
    spans: ['+44 7700 900456'],
  },
  {
    text: 'HMRC here: we’ve written to Mrs Patel at SW9 8QR about the refund.',
    kinds: ['personal-data'],
    spans: ['SW9 8QR'],
  },
  {
    text: 'Hi, MoJ team here. Your claim number is 2024-MC-55812; please quote it when you call 0300 123 1234.',
    kinds: ['personal-data'],
    spans: ['2024-MC-55812'],
  },
  {
    text: 'Environment Agency here. Forwarding to john.smith@environment-agency.gov.uk, who looks after your case.',
    kinds: ['personal-data'],
    spans: ['john.smith@environment-agency.gov.uk'],
  },
];

const notPersonalData: ProprietyExample[] = [
  {
    text: 'HMRC here: you can call the helpline on 0300 200 3310, Monday to Friday, 8am to 6pm.',
    kinds: [],
  },
  {
    text: 'Hi, DVLA team here. Email us at drivers.enquiries@dvla.gov.uk if you can’t use the online service.',
    kinds: [],
  },
  {
    text: 'DWP team here. Never share your National Insurance number online; if you need to tell us, use the form.',
    kinds: [],
  },
  {
    text: 'DVSA here: our test centre at Ashfield House, Leeds LS12 3AB has step-free access.',
    kinds: [],
  },
  {
    text: 'Hi Sam, DfE team here. You’ll find your reference number on the letter we sent you.',
    kinds: [],
  },
  { text: 'HMRC here. The SA100 form is for the tax year 2024 to 2025.', kinds: [] },
  {
    text: 'Hi, DWP team here. Pension Credit tops up your weekly income to £227.10 if you’re single.',
    kinds: [],
  },
  {
    text: 'Companies House here. Company number 01234567 is the one for that business, and its filings are public on our register.',
    kinds: [],
  },
  { text: 'Hi, NHS England team here. Call NHS 111 if you need help urgently.', kinds: [] },
  {
    text: 'DVSA team here. The driving test centre’s postcode is BD1 4AA if you’re using a sat nav.',
    kinds: [],
  },
  {
    text: 'Hi, HM Land Registry team here. Title register AGL123456 can be downloaded for £7 from our portal.',
    kinds: [],
  },
  {
    text: 'DWP digital team here: please don’t include your case number in public posts. Send it to us by private message.',
    kinds: [],
  },
];

const promise: ProprietyExample[] = [
  {
    text: 'HMRC here. Your refund will be in your account by Friday.',
    kinds: ['promise'],
  },
  {
    text: 'Hi, HM Passport Office team here. Don’t worry, your passport will arrive before your holiday on 14 August.',
    kinds: ['promise'],
  },
  { text: 'DWP team here: I promise your payment will be sorted this week.', kinds: ['promise'] },
  { text: 'Hi, DVLA team here. I’ll get this sorted for you today.', kinds: ['promise'] },
  {
    text: 'Home Office here. You’ll definitely get your visa in time for the start of term.',
    kinds: ['promise'],
  },
  { text: 'HMRC here: I can confirm you will get the full amount back.', kinds: ['promise'] },
  {
    text: 'Hi, DfE team here. Your student loan payment is going to reach you within 48 hours.',
    kinds: ['promise'],
  },
  { text: 'DWP here. We guarantee your appeal will be heard next week.', kinds: ['promise'] },
  {
    text: 'Hi, MoJ team here. Your case will be decided by the end of the month, I’ve checked.',
    kinds: ['promise'],
  },
  {
    text: 'DVSA digital team here. We’ll make sure you get a test slot before Christmas.',
    kinds: ['promise'],
  },
  { text: 'Hi, HMRC team here. You will be refunded the overpaid tax, 100%.', kinds: ['promise'] },
  {
    text: 'Student Loans Company here: your application will be approved tomorrow.',
    kinds: ['promise'],
  },
  {
    text: 'Hi Ben, DWP team here. Your Universal Credit will be paid on Monday, nothing to worry about.',
    kinds: ['promise'],
  },
];

const notPromise: ProprietyExample[] = [
  {
    text: 'HMRC here. Most refunds are paid within 5 working days of us receiving your claim.',
    kinds: [],
  },
  {
    text: 'Hi, DVLA team here. Your licence should arrive within 3 weeks; if it hasn’t, contact us.',
    kinds: [],
  },
  {
    text: 'HM Passport Office team here: it usually takes 3 weeks to get a passport, but it can take longer.',
    kinds: [],
  },
  { text: 'DWP here. Your payment will usually be made on the same date each month.', kinds: [] },
  {
    text: 'Hi, Home Office team here. We aim to decide most visa applications within 3 weeks.',
    kinds: [],
  },
  {
    text: 'HMRC team here. You can check when your refund will be paid at https://www.gov.uk/check-income-tax-refund',
    kinds: [],
  },
  {
    text: 'Hi, DfE team here. If you’re eligible, you’ll get a letter telling you what happens next.',
    kinds: [],
  },
  {
    text: 'DVSA here: we can’t guarantee a cancellation slot, but checking daily gives you the best chance.',
    kinds: [],
  },
  {
    text: 'Hi, MoJ team here. Once your case is listed, you’ll be told the hearing date by letter.',
    kinds: [],
  },
  {
    text: 'Pension Service here. Guarantee Credit tops up your income; you can apply up to 3 months before you reach State Pension age.',
    kinds: [],
  },
];

const view: ProprietyExample[] = [
  { text: 'DfT team here. Personally, I think HS2 was a waste of money.', kinds: ['view'] },
  { text: 'Hi, DfE team here. In my opinion the tuition fee rise is fair.', kinds: ['view'] },
  { text: 'Home Office here: the Rwanda scheme was the right decision.', kinds: ['view'] },
  { text: 'DWP team here. We think the two-child limit is unfair, to be honest.', kinds: ['view'] },
  {
    text: 'Hi, DESNZ team here. Net zero should be scrapped, it’s far too expensive.',
    kinds: ['view'],
  },
  { text: 'DHSC here: the sugar tax is long overdue if you ask me.', kinds: ['view'] },
  {
    text: 'Hi, MHCLG team here. We agree with the campaigners that the housing target is too low.',
    kinds: ['view'],
  },
  {
    text: 'Defra here. Sadly, the government decided to scrap the badger cull review.',
    kinds: ['view'],
  },
  {
    text: 'DfT digital team here. Low traffic neighbourhoods are a good thing, whatever the critics say.',
    kinds: ['view'],
  },
  {
    text: 'Hi, HM Treasury team here. The windfall tax is a mistake that will cost jobs.',
    kinds: ['view'],
  },
  { text: 'DCMS here. Between you and me, the licence fee should go.', kinds: ['view'] },
  { text: 'Hi, DfE team here. VAT on private schools is the right thing to do.', kinds: ['view'] },
];

const notView: ProprietyExample[] = [
  {
    text: 'Hi, HMRC team here. I think the form you need is the SA100: https://www.gov.uk/self-assessment-tax-return-forms',
    kinds: [],
  },
  {
    text: 'DWP team here. We think you might be eligible for Pension Credit; check here: https://www.gov.uk/pension-credit',
    kinds: [],
  },
  {
    text: 'Hi, DfE team here. The two-child limit applies to children born after 6 April 2017; the exceptions are listed here.',
    kinds: [],
  },
  {
    text: 'DfT here: the 20mph limit in Wales applies on most restricted roads. The guidance explains the exceptions.',
    kinds: [],
  },
  {
    text: 'Hi, Home Office team here. Immigration rules change often, so please check the current version on GOV.UK.',
    kinds: [],
  },
  {
    text: 'DESNZ team here. The scheme is right for you if you own your home and live in England or Wales.',
    kinds: [],
  },
  {
    text: 'Hi, DHSC here. The soft drinks industry levy applies to drinks with added sugar; HMRC has the details.',
    kinds: [],
  },
  {
    text: 'DCMS team here. We understand why people feel strongly about the licence fee; the consultation is open until 12 March.',
    kinds: [],
  },
  {
    text: 'Hi, MHCLG here. The policy is explained in plain English here: https://www.gov.uk/guidance',
    kinds: [],
  },
  {
    text: 'DWP digital team here. We’re sorry the change has been difficult; the support available is listed on this page.',
    kinds: [],
  },
];

const electionPeriod: ProprietyExample[] = [
  {
    text: 'Hi, DVSA digital team here: you can book or change a driving test on GOV.UK: https://www.gov.uk/book-driving-test',
    kinds: ['election-period'],
    electionPeriod: 'General election 2029',
  },
  {
    text: 'Hi, DfE team here. Term dates are set by your local council.',
    kinds: ['election-period'],
    electionPeriod: 'Local elections',
  },
  {
    text: 'HMRC here: the deadline for online tax returns is 31 January.',
    kinds: ['election-period'],
    electionPeriod: 'General election 2029',
  },
  { text: 'Thanks, glad that helped!', kinds: ['election-period'], electionPeriod: 'By-election' },
  {
    text: 'Defra here. Our flood warnings service is at https://check-for-flooding.service.gov.uk',
    kinds: ['election-period'],
    electionPeriod: 'Local elections',
  },
  {
    text: 'Hi, DWP team here. Thanks to this government’s investment, more people than ever are in work.',
    kinds: ['party-political', 'election-period'],
    electionPeriod: 'General election 2029',
  },
  {
    text: 'DfT team here. The new bus grant opens in the spring.',
    kinds: ['announcement', 'election-period'],
    electionPeriod: 'Mayoral elections',
  },
  {
    text: 'Met Office here — our forecasts are updated every hour.',
    kinds: ['election-period'],
    electionPeriod: 'General election 2029',
  },
];

/** Ordinary helpful replies: the checker must leave these alone. */
const ordinary: ProprietyExample[] = [
  {
    text: 'Hi, HMRC team here. You can check your tax code online: https://www.gov.uk/check-income-tax-current-year',
    kinds: [],
  },
  {
    text: 'DWP team here: you can apply for Pension Credit online or by phone on 0800 99 1234.',
    kinds: [],
  },
  {
    text: 'Hi, DfE team here. Free school meals are applied for through your local council: https://www.gov.uk/apply-free-school-meals',
    kinds: [],
  },
  {
    text: 'DVLA here. You can tax your vehicle online 24 hours a day: https://www.gov.uk/vehicle-tax',
    kinds: [],
  },
  {
    text: 'Hi, Home Office team here. You can check how long visa applications are taking on this page: https://www.gov.uk/guidance/visa-processing-times-applications-inside-the-uk',
    kinds: [],
  },
  {
    text: 'HM Passport Office here: if your passport is lost or stolen, report it online straight away.',
    kinds: [],
  },
  {
    text: 'Hi, Defra team here. You can report fly-tipping to your council: https://www.gov.uk/report-flytipping',
    kinds: [],
  },
  {
    text: 'DHSC team here. The NHS website explains who can get a free flu vaccine: https://www.nhs.uk/vaccinations/flu-vaccine/',
    kinds: [],
  },
  {
    text: 'Hi, DfT team here. The Highway Code was updated in January 2022; the changes are summarised here: https://www.gov.uk/government/news/the-highway-code-8-changes-you-need-to-know-from-29-january-2022',
    kinds: [],
  },
  {
    text: 'Companies House here. You can file your confirmation statement online; it costs £34.',
    kinds: [],
  },
  {
    text: 'Hi, Environment Agency team here. Sign up for free flood warnings by phone, text or email: https://www.gov.uk/sign-up-for-flood-warnings',
    kinds: [],
  },
  {
    text: 'HMRC here. Sorry you’ve had trouble signing in. This page explains how to recover your Government Gateway account: https://www.gov.uk/log-in-register-hmrc-online-services/problems-signing-in',
    kinds: [],
  },
  {
    text: 'Hi, DWP team here. Thanks for your patience, the online service is back up and running.',
    kinds: [],
  },
  {
    text: 'MoJ here: you can find your nearest court or tribunal at https://www.find-court-tribunal.service.gov.uk',
    kinds: [],
  },
  {
    text: 'Hi, Ofsted team here. Inspection reports for every school are published at https://reports.ofsted.gov.uk',
    kinds: [],
  },
  { text: 'DfE here. Happy to help: let us know if anything on the page is unclear.', kinds: [] },
  { text: 'Hi, ONS team here. The census 2021 results for your area are on our website.', kinds: [] },
];

export const EXAMPLES: readonly ProprietyExample[] = [
  ...announcement,
  ...notAnnouncement,
  ...partyPolitical,
  ...notPartyPolitical,
  ...parliament,
  ...notParliament,
  ...disclosure,
  ...notDisclosure,
  ...personalData,
  ...notPersonalData,
  ...promise,
  ...notPromise,
  ...view,
  ...notView,
  ...electionPeriod,
  ...ordinary,
];
