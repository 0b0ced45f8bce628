import type { Route } from '@parley/domain';

type RouteText = { title: string; means: string; doNow: string };

/**
 * The four routes of the guidance the product rests on, as a comms officer would explain them to a colleague:
 * what the route means and what to do with this draft. The tag's own reason says why Parley chose it.
 */
export const ROUTE_TEXT: Record<Route, RouteText> = {
  'public-info': {
    title: 'Post public information',
    means:
      'The answer is already public (on GOV.UK or in published guidance). Saying it again, in plain words and with a link, is safe.',
    doNow:
      'Write a short, factual reply with a link to where the information is published. It needs no clearance.',
  },
  pointer: {
    title: 'Point to a resource',
    means:
      'Someone is looking for something that exists already: a form, a service, a page. Point them to it rather than answering in full.',
    doNow:
      'Insert the most useful resource as a link and say in a sentence what it is for. It needs no clearance.',
  },
  clearance: {
    title: 'Get clearance first',
    means:
      'The reply would say something new: guidance not yet published, or a view on policy. A policy official and a comms officer must agree it first.',
    doNow: 'Write the draft, then submit it for clearance. It can be posted once both have approved it.',
  },
  'press-office': {
    title: 'Refer to the press office',
    means:
      'Anything that amounts to an announcement, or that journalists or politicians are part of, is the press office’s to answer.',
    doNow: 'Do not reply yourself: refer the conversation to the press office with a note.',
  },
  none: {
    title: 'No reply suggested',
    means: 'Parley found nothing here the department needs to answer.',
    doNow: 'You can still draft a reply if you think one would help; check it carefully.',
  },
};
