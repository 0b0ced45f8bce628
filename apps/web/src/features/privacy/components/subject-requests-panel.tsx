import { useId, useState, type FormEvent } from 'react';
import type { SubjectRequest, SubjectRequestCreate } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import {
  exportSubjectRequest,
  useActOnSubjectRequest,
  useCreateSubjectRequest,
  useSubjectRequests,
  type SubjectAction,
} from '../api/subject-requests';
import { doneText, foundText, SUBJECT_KIND_LABELS } from '../utils/privacy-text';

type Kind = keyof SubjectRequestCreate;

/** Saves what is held about the person as a JSON file, to give them. */
const download = async (request: SubjectRequest) => {
  const data = await exportSubjectRequest(request.id);
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `subject-request-${request.id}.json`;
  link.click();
  URL.revokeObjectURL(url);
};

const SearchForm = ({ onFound }: { onFound: (request: SubjectRequest) => void }) => {
  const [kind, setKind] = useState<Kind>('handle');
  const [value, setValue] = useState('');
  const create = useCreateSubjectRequest();
  const problem = isApiError(create.error)
    ? (create.error.problems[0]?.message ?? create.error.message)
    : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ [kind]: value } as SubjectRequestCreate, { onSuccess: onFound });
  };
  return (
    <form onSubmit={submit} noValidate>
      <SelectField id="subject-kind" label="Find them by" value={kind} onChange={(v) => setKind(v as Kind)}>
        {Object.entries(SUBJECT_KIND_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="subject-value"
        label={SUBJECT_KIND_LABELS[kind]}
        hint={
          kind === 'handle'
            ? 'As it appears on the platform, with or without @. Every source is searched.'
            : kind === 'profileUrl'
              ? 'The full address of their profile, starting https://'
              : 'Their name as it appears on their posts.'
        }
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={problem}
        autoComplete="off"
      />
      <Button type="submit" disabled={create.isPending}>
        Search everything held
      </Button>
    </form>
  );
};

const ACTION_WORDS: Record<SubjectAction, { button: string; title: string; body: string }> = {
  erase: {
    button: 'Erase',
    title: 'Erase everything found about this person?',
    body: 'Their posts are deleted (text, names and links), their name is removed from engagement notes, and flags on them are removed. Figures already counted stay. This cannot be undone.',
  },
  pseudonymise: {
    button: 'Pseudonymise',
    title: 'Pseudonymise everything found about this person?',
    body: 'Their names, handles, profile links and follower counts are replaced by a code. Text is kept only where a department took part in the conversation. This cannot be undone.',
  },
};

const RequestResult = ({ request }: { request: SubjectRequest }) => {
  const act = useActOnSubjectRequest();
  const [confirming, setConfirming] = useState<SubjectAction | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const headingId = useId();
  const found = foundText(request.found);
  const done = doneText(request);
  return (
    <section aria-labelledby={headingId} className="record-card">
      <h3 id={headingId} className="heading-s">
        {SUBJECT_KIND_LABELS[request.kind]}: {request.value}
      </h3>
      <p className="secondary-text">
        Searched by {request.requestedBy ?? 'someone no longer here'}{' '}
        <DateTime value={request.requestedAt} variant="compact" />
      </p>
      {found.length === 0 ? (
        <p>Nothing is held about them.</p>
      ) : (
        <ul className="list list--bullet">
          {found.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {request.outcome ? (
        <>
          <h4 className="heading-s">Receipt</h4>
          <p>
            {request.outcome === 'erased' ? 'Erased' : 'Pseudonymised'} by{' '}
            {request.doneBy ?? 'someone no longer here'} <DateTime value={request.doneAt} variant="compact" />
          </p>
          <ul className="list list--bullet">
            {done.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="button-group">
        <Button variant="secondary" onClick={() => download(request).catch(setExportError)}>
          Export as JSON
        </Button>
        {!request.outcome && found.length > 0 && (
          <>
            <Button variant="secondary" onClick={() => setConfirming('pseudonymise')}>
              Pseudonymise…
            </Button>
            <Button className="button--warning" onClick={() => setConfirming('erase')}>
              Erase…
            </Button>
          </>
        )}
      </div>
      {exportError !== null && <ErrorPanel title="The export could not be made" error={exportError} />}
      {act.error && <ErrorPanel title="Nothing was changed" error={act.error} />}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? ACTION_WORDS[confirming].title : ''}
        confirmLabel={confirming ? ACTION_WORDS[confirming].button : ''}
        destructive
        busy={act.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          confirming &&
          act.mutate({ id: request.id, action: confirming }, { onSettled: () => setConfirming(null) })
        }
      >
        <p>{confirming ? ACTION_WORDS[confirming].body : ''}</p>
      </ConfirmDialog>
    </section>
  );
};

/** Subject requests: search for one person, see what is held, export it, erase or pseudonymise it. */
export const SubjectRequestsPanel = () => {
  const requests = useSubjectRequests();
  const [latest, setLatest] = useState<string | null>(null);
  const shown = requests.data ?? [];
  return (
    <>
      <SearchForm onFound={(r) => setLatest(r.id)} />
      {requests.error ? (
        <ErrorPanel
          title="The requests could not be loaded"
          error={requests.error}
          onRetry={() => void requests.refetch()}
        />
      ) : shown.length === 0 ? (
        <p>No requests yet.</p>
      ) : (
        <div aria-live="polite">
          {[...shown]
            .sort((a, b) => Number(b.id === latest) - Number(a.id === latest))
            .map((r) => (
              <RequestResult key={r.id} request={r} />
            ))}
        </div>
      )}
    </>
  );
};
