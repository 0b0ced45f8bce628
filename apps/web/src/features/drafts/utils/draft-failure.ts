import { isApiError } from '../../../lib/api-client';
import { formFailure, type FormFailure } from '../../../lib/form-failure';

export const DRAFT_FIELDS = ['draft-text'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/**
 * What a failed save tells the person. A stale version says what happened and that their text is still here;
 * the api's problem on `text` goes on the box.
 */
export const draftSaveFailure = (error: unknown): FormFailure<DraftField> => {
  if (isApiError(error) && error.status === 409) {
    return {
      fields: {},
      other: [
        'Someone else saved a new version of this draft while you were writing. Your text is still in the box: compare it with theirs in the version history, then save again from their version',
      ],
    };
  }
  const failure = formFailure(error, ['text'] as const);
  return { fields: failure.fields.text ? { 'draft-text': failure.fields.text } : {}, other: failure.other };
};
