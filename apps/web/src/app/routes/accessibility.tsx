import { AccessibilityStatement } from '../../features/accessibility/components/accessibility-statement';

/** Open to everyone, signed in or not: the regulations require the statement to be reachable from every page. */
export const AccessibilityRoute = () => (
  <>
    <title>Accessibility statement – Parley</title>
    <AccessibilityStatement />
  </>
);
