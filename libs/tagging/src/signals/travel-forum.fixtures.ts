import { hoursAgo, post, thread } from './thread.fixtures';
import type { DepartmentFacts, RuleHit, ThreadPostFacts } from './thread-facts';

export const FCDO: DepartmentFacts = {
  id: 'fcdo-id',
  key: 'fcdo',
  name: 'Foreign, Commonwealth & Development Office',
  aliases: ['FCDO', 'Foreign Office'],
  handles: ['fcdotravelgovuk'],
  resources: [
    {
      title: 'Foreign travel advice',
      url: 'https://www.gov.uk/foreign-travel-advice',
      text:
        'Travel advice for every country: entry requirements, safety and security, terrorism, local laws and ' +
        'customs, health, natural disasters and warnings against travel. Sign up for email alerts when the ' +
        'advice for a country changes.',
    },
    {
      title: 'Get an emergency travel document',
      url: 'https://www.gov.uk/emergency-travel-document',
      text:
        'Apply for an emergency travel document if you are abroad and your passport has been lost, stolen or ' +
        'damaged, or has expired, and you need to travel urgently.',
    },
    {
      title: 'Support for British nationals abroad: if you are arrested',
      url: 'https://www.gov.uk/government/publications/arrested-abroad',
      text:
        'What consular staff can and cannot do if you are arrested or detained in another country, and how to ' +
        'contact them.',
    },
  ],
};

const comment = (author: string, hours: number, text: string): ThreadPostFacts =>
  post(text, {
    title: 'Re: Trip report: ten days in Morocco with two kids',
    authorHandle: author,
    platform: 'web',
    publishedAt: hoursAgo(hours),
    url: `https://travel-talk.example/posts/morocco-${author}`,
  });

/** The one comment that asks for what the department publishes, twelve replies into a long trip report. */
export const ASKS_FOR_TRAVEL_ADVICE = comment(
  'easter_planner',
  30,
  "Brilliant write-up, thank you. We're looking at Marrakech and the Atlas mountains at Easter with our two " +
    'teenagers. Where can I find the official travel advice for Morocco before we book anything?',
);

/** A realistic long forum thread: a trip report and its replies about riads, trains, food and money. */
export const moroccoTripReport = thread([
  post(
    'Back from ten days in Marrakech, Fes and Chefchaouen with our two (8 and 11). Riads were the highlight: ' +
      'we stayed in one near Bab Doukkala with a plunge pool on the roof, and the staff were lovely with the ' +
      'kids. The train from Marrakech to Fes takes about seven hours; first class is worth the few extra ' +
      'dirhams for the air conditioning. Food was amazing, tagines every night and fresh orange juice in the ' +
      'square. What I would have liked to see is more shade in the souks in the afternoon, it got very hot. ' +
      'Happy to answer anything about the riads or getting around.',
    {
      title: 'Trip report: ten days in Morocco with two kids',
      authorHandle: 'family_nomads',
      platform: 'web',
      publishedAt: hoursAgo(60),
      url: 'https://travel-talk.example/posts/morocco',
    },
  ),
  comment(
    'riad_rosie',
    58,
    'Love this! Which riad was it? We stayed near Bab Doukkala too and loved the area.',
  ),
  comment(
    'family_nomads',
    57,
    'Riad Dar Zaman, booked direct by email which was cheaper than the booking sites.',
  ),
  comment(
    'trainspotter_tom',
    55,
    'Did you book the train tickets in advance or at the station? The ONCF website kept rejecting my card.',
  ),
  comment(
    'family_nomads',
    54,
    'At the station the day before, no problem at all. Cash only at the kiosk though.',
  ),
  comment(
    'hungry_hannah',
    50,
    'The food stalls in Jemaa el-Fnaa are brilliant but pick the busy ones. My advice: take small notes, ' +
      'nobody ever has change.',
  ),
  comment(
    'budget_ben',
    47,
    'How much did you budget per day? We are trying to work out if ten days is affordable for a family of five.',
  ),
  comment(
    'family_nomads',
    46,
    'About £120 a day for the four of us, not counting the riads. Taxis are cheap if you agree the fare first.',
  ),
  comment(
    'haggle_queen',
    44,
    'Haggling tip: start at a third of the asking price and walk away if they will not move.',
  ),
  comment(
    'desert_dan',
    40,
    'Did anyone do the Sahara trip from Marrakech? It looks like a lot of driving for two nights in a camp.',
  ),
  comment('family_nomads', 39, 'We skipped it with the kids. Friends said it is nine hours each way.'),
  comment(
    'sunseeker',
    35,
    'What do you make of the new tourist tax in Marrakech? Our riad added it to the bill.',
  ),
  ASKS_FOR_TRAVEL_ADVICE,
  comment(
    'hammam_helen',
    28,
    'Do try a hammam if you get the chance. The kids thought it was hilarious being scrubbed.',
  ),
  comment(
    'chefchaouen_fan',
    24,
    'Chefchaouen is so photogenic. Go early before the tour buses arrive from Tangier.',
  ),
  comment('riad_rosie', 20, 'Saving this whole thread for next year. Thanks everyone.'),
  comment(
    'weather_watcher',
    16,
    'Easter can be surprisingly cold in the mountains at night, pack layers even if Marrakech is warm.',
  ),
  comment('family_nomads', 12, 'Good point, our two needed jumpers in Chefchaouen in the evenings.'),
]);

/** The department's travel-advice rule (`"travel advice"`) matched one comment, on these lexemes. */
export const TRAVEL_ADVICE_HIT: RuleHit = {
  key: 'travel-advice',
  version: 1,
  matchedTerms: ['travel advic'],
  postIds: [ASKS_FOR_TRAVEL_ADVICE.id],
};
