import { useState } from 'react';
import type { Draft, DraftAccount } from '@parley/contracts';
import { noFailure, type FormFailure } from '../../../lib/form-failure';
import { useSaveDraft } from '../api/save-draft';
import { accountKey } from '../utils/accounts';
import { draftSaveFailure, type DraftField } from '../utils/draft-failure';

/**
 * The draft pane's editor: the text being typed, the version it was written from, and saving. A save made from
 * a version someone else has moved on from is refused (409); the text stays, and the person chooses to keep it
 * (saved after the other version, which stays in the history) or to start again from the other version.
 */
export const useDraftEditor = (draft: Draft) => {
  const [text, setText] = useState(draft.latest?.text ?? '');
  const [account, setAccount] = useState<DraftAccount | null>(draft.account);
  const [baseVersion, setBaseVersion] = useState(draft.version);
  const [failure, setFailure] = useState<FormFailure<DraftField>>(noFailure());
  const save = useSaveDraft();
  const saved = draft.latest?.text ?? '';
  // Someone saved after the version this text was written from.
  const overtaken = draft.version > baseVersion;

  const submitSave = (expectedVersion = baseVersion) => {
    if (!text.trim()) {
      setFailure({ fields: { 'draft-text': 'Write the reply before saving it' }, other: [] });
      return;
    }
    setFailure(noFailure());
    save.mutate(
      { opportunityId: draft.opportunityId, draft: { text, account, expectedVersion } },
      {
        onSuccess: (next) => setBaseVersion(next.version),
        onError: (error) => setFailure(draftSaveFailure(error)),
      },
    );
  };

  return {
    text,
    setText,
    account,
    setAccount,
    failure,
    saving: save.isPending,
    unsaved: text !== saved || accountKey(account) !== accountKey(draft.account),
    overtaken,
    save: () => submitSave(),
    /** Saves this text after the version someone else saved meanwhile. */
    keepMine: () => submitSave(draft.version),
    /** Drops what was typed for the version someone else saved. */
    takeTheirs: () => {
      setText(draft.latest?.text ?? '');
      setAccount(draft.account);
      setBaseVersion(draft.version);
      setFailure(noFailure());
    },
  };
};
