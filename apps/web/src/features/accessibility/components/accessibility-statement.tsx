import { formatDateTime } from '../../../lib/format';
import {
  MEASUREMENT,
  complianceOf,
  failingPages,
  violationsByRule,
  type Measurement,
} from '../utils/measurement';
import { KNOWN_ISSUES, MANUAL_CHECKS, STATEMENT } from '../utils/statement';

const day = (iso: string) => formatDateTime(`${iso}T12:00:00Z`)?.replace(/ at .*$/, '') ?? iso;

const COMPLIANCE = {
  full: 'This service is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.',
  partial:
    'This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.',
  unknown:
    'This service has not yet been tested against the Web Content Accessibility Guidelines version 2.2 AA standard, so its compliance is not known.',
} as const;

/**
 * The accessibility statement in the shape the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
 * Accessibility Regulations 2018 and the GOV.UK model statement set out. What failed comes from the measured
 * checks; what axe cannot judge is listed as manual checks with when each was last done.
 */
export const AccessibilityStatement = ({ measurement = MEASUREMENT }: { measurement?: Measurement }) => {
  const compliance = complianceOf(measurement, KNOWN_ISSUES.length);
  const measured = violationsByRule(measurement);
  const overflowing = measurement.pages.filter((page) => page.overflowsIn.length > 0);
  const walk = measurement.keyboardWalk;
  return (
    <div className="statement">
      <h1 className="heading-l">Accessibility statement for Parley</h1>
      <p>
        This statement applies to the Parley service run by {STATEMENT.organisation}: the screens used to
        listen to public conversations and reply to them.
      </p>
      <p>We want as many people as possible to be able to use it. For example, you should be able to:</p>
      <ul className="list">
        <li>
          zoom in up to 400% without text spilling off the screen (every page is checked at 320 pixels wide)
        </li>
        <li>use every main flow with a keyboard alone, and always see where the keyboard focus is</li>
        <li>turn off animation through your device’s reduced-motion setting</li>
        <li>read every chart as a table and a written summary</li>
        <li>use the main screens in Welsh</li>
      </ul>

      <h2 className="heading-m">How accessible this service is</h2>
      {compliance === 'unknown' ? (
        <p>The automated checks have not yet been run and recorded for this version.</p>
      ) : (
        <p>
          {failingPages(measurement).length === 0
            ? `Automated checks over ${measurement.pages.length} pages found no problems.`
            : `Automated checks over ${measurement.pages.length} pages found problems on ${failingPages(measurement).length}.`}{' '}
          We know some parts are not fully accessible:
        </p>
      )}
      <ul className="list">
        {KNOWN_ISSUES.map((issue) => (
          <li key={issue.problem}>{issue.problem}</li>
        ))}
        {measured.map(({ violation, pages }) => (
          <li key={violation.id}>
            {violation.help} (on {pages.join(', ')})
          </li>
        ))}
        {overflowing.map((page) => (
          <li key={page.path}>
            The {page.name} page scrolls sideways at {page.overflowsIn.join(', ')}
          </li>
        ))}
      </ul>

      <h2 className="heading-m">Feedback and contact information</h2>
      <p>
        If you need information on this service in a different format, or you find a problem not listed here,
        contact{' '}
        {STATEMENT.email ? (
          <a className="link" href={`mailto:${STATEMENT.email}`}>
            {STATEMENT.email}
          </a>
        ) : (
          'your Parley workspace administrator'
        )}
        . Say which page and what you were trying to do.
      </p>

      <h2 className="heading-m">Reporting accessibility problems with this service</h2>
      <p>
        We are always looking to improve the accessibility of this service. If you find any problems not
        listed on this page, or think we are not meeting accessibility requirements, contact us as above.
      </p>

      <h2 className="heading-m">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
        (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility
        regulations’). If you are not happy with how we respond to your complaint, contact the{' '}
        <a className="link" href="https://www.equalityadvisoryservice.com/">
          Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>
      <p>
        If you are in Northern Ireland and are not happy with how we respond to your complaint, contact the{' '}
        <a className="link" href="https://www.equalityni.org/Home">
          Equality Commission for Northern Ireland (ECNI)
        </a>
        , which is responsible for enforcing the regulations in Northern Ireland.
      </p>

      <h2 className="heading-m">Technical information about this service’s accessibility</h2>
      <p>
        {STATEMENT.organisation[0].toUpperCase() + STATEMENT.organisation.slice(1)} is committed to making
        this service accessible, in accordance with the Public Sector Bodies (Websites and Mobile
        Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="heading-s">Compliance status</h3>
      <p>{COMPLIANCE[compliance]}</p>

      <h2 className="heading-m">Non-accessible content</h2>
      <p>The content listed below is non-accessible for the following reasons.</p>
      <h3 className="heading-s">Non-compliance with the accessibility regulations</h3>
      <ul className="list">
        {KNOWN_ISSUES.map((issue) => (
          <li key={issue.problem}>
            {issue.problem} This fails WCAG 2.2 success criterion {issue.criterion}. {issue.alternative}
          </li>
        ))}
        {measured.map(({ violation, pages }) => (
          <li key={violation.id}>
            {violation.help}, found by the automated check “{violation.id}” on {pages.join(', ')}. This fails
            WCAG 2.2 success criteria {violation.criteria.join(', ') || 'not named by the check'}.
          </li>
        ))}
      </ul>
      <h3 className="heading-s">Disproportionate burden</h3>
      <p>We are not claiming that fixing any of the problems above would be a disproportionate burden.</p>
      <h3 className="heading-s">Content that’s not within the scope of the accessibility regulations</h3>
      <p>
        Posts written by members of the public on other sites are third-party content that we neither fund,
        develop nor control. Parley shows their text as it was written, and links to the sites they came from.
      </p>

      <h2 className="heading-m">What we’re doing to improve accessibility</h2>
      <p>
        Every change to Parley runs the automated checks below before it is released; the problems listed are
        fixed in the order they affect the most people, and the manual checks are done before each major
        release.
      </p>

      <h2 className="heading-m">How we tested this service</h2>
      <MeasuredChecks measurement={measurement} />
      {walk && (
        <p>
          A keyboard-only walk, using only Tab, Shift+Tab, Enter, Space and the arrow keys and checking the
          focus was visible at every stop,{' '}
          {walk.passed ? 'completed' : `did not complete (${walk.failure ?? 'no reason recorded'})`}:{' '}
          {walk.flows.join('; ')}.
        </p>
      )}
      <h3 className="heading-s">Manual checks</h3>
      <table className="table">
        <caption className="visually-hidden">Manual checks and when each was last done</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">WCAG 2.2</th>
            <th scope="col">Last done</th>
          </tr>
        </thead>
        <tbody>
          {MANUAL_CHECKS.map((check) => (
            <tr key={check.check}>
              <td>{check.check}</td>
              <td>{check.criteria}</td>
              <td>{check.lastDone ? day(check.lastDone) : 'Not yet done'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="heading-m">Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on {day(STATEMENT.preparedOn)}. It was last reviewed on{' '}
        {day(STATEMENT.reviewedOn)}.
      </p>
      <p>
        {measurement.measuredAt
          ? `This service was last tested on ${formatDateTime(measurement.measuredAt)} by the automated checks described above, run by the Parley development team.`
          : 'This service has not yet been tested.'}
      </p>
    </div>
  );
};

const MeasuredChecks = ({ measurement }: { measurement: Measurement }) => {
  if (!measurement.measuredAt || !measurement.tool) return <p>No automated checks have been recorded yet.</p>;
  return (
    <>
      <p>
        Every page was checked automatically with axe-core {measurement.tool.axe} in{' '}
        {measurement.tool.browser}, against the {measurement.standard} rules ({measurement.tags.join(', ')}),
        in each of these ways:
      </p>
      <ul className="list">
        {measurement.contexts.map((context) => (
          <li key={context.id}>{context.description}</li>
        ))}
      </ul>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Pages checked">
        <table className="table">
          <caption className="table__caption">Pages checked and what the automated checks found</caption>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Address</th>
              <th scope="col">Automated failures</th>
              <th scope="col">Scrolls sideways</th>
            </tr>
          </thead>
          <tbody>
            {measurement.pages.map((page) => (
              <tr key={page.path}>
                <td>{page.name}</td>
                <td>
                  <code className="code">{page.path}</code>
                </td>
                <td>
                  {page.violations.length === 0 ? 'None' : page.violations.map((v) => v.help).join('; ')}
                </td>
                <td>{page.overflowsIn.length === 0 ? 'No' : page.overflowsIn.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
