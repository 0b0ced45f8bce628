import type { Rule } from '@parley/contracts';

const people = (handles: string[]) => handles.map((h) => `@${h}`).join(', ');

/**
 * The marker on a rule that follows named members of the public: who, and that its admins were told. Plain words,
 * for the rule page; the rules list shows the short form.
 */
export const NamedPeopleNote = ({ rule }: { rule: Pick<Rule, 'namedPeople' | 'justification'> }) =>
  rule.namedPeople.length === 0 ? null : (
    <div className="warning-text rule-person-note" role="note">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <p className="warning-text__text">
        <span className="visually-hidden">Warning: </span>
        This rule follows {rule.namedPeople.length === 1 ? 'a named person' : 'named people'} (
        {people(rule.namedPeople)}) rather than a topic. Its department’s admins are told whenever it starts
        following someone.
        {rule.justification && <> Justification given: “{rule.justification}”</>}
      </p>
    </div>
  );

/** The short marker for a row of the rules list. */
export const NamedPeopleTag = ({ rule }: { rule: Pick<Rule, 'namedPeople'> }) =>
  rule.namedPeople.length === 0 ? null : (
    <span className="tag tag--orange rules-table__person">
      Follows {rule.namedPeople.length === 1 ? 'a person' : `${rule.namedPeople.length} people`}
    </span>
  );
