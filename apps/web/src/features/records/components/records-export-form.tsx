import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { DepartmentSelect } from '../../../components/ui/department-select';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { RECORDS_FORMAT_OPTIONS, recordsParamsProblems, type RecordsParams } from '../utils/records-params';

type RecordsExportFormProps = {
  departments: { key: string; name: string }[];
  initial: RecordsParams;
};

/**
 * The export is a plain GET form: the browser downloads the file (the answer is an attachment) with the session
 * cookie, and the page stays where it is. A period that cannot be right is stopped here, with the fields marked.
 */
export const RecordsExportForm = ({ departments, initial }: RecordsExportFormProps) => {
  const [params, setParams] = useState(initial);
  const [problems, setProblems] = useState<ReturnType<typeof recordsParamsProblems>>([]);
  const errors = useMemo(
    () => problems.map((p) => ({ href: `#records-${p.field}`, text: p.text })),
    [problems],
  );
  const set = (key: keyof RecordsParams) => (value: string) => {
    const next = { ...params, [key]: value };
    setParams(next);
    // The messages go once the period is right; while any remains they stay (and keep focus where the person is).
    if (problems.length > 0 && recordsParamsProblems(next).length === 0) setProblems([]);
  };
  const problemOf = (field: 'from' | 'to') => problems.find((p) => p.field === field)?.text;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const found = recordsParamsProblems(params);
    setProblems(found);
    if (found.length > 0) event.preventDefault();
  };

  return (
    <>
      <ErrorSummary items={errors} />
      <form
        method="get"
        action="/api/records/export"
        onSubmit={submit}
        noValidate
        aria-label="Export records"
      >
        <DepartmentSelect departments={departments} value={params.department} onChange={set('department')} />
        <TextField
          id="records-from"
          name="from"
          label="First day"
          hint="Replies posted on this day and after (UTC)"
          type="date"
          value={params.from}
          error={problemOf('from')}
          onChange={(e) => set('from')(e.target.value)}
        />
        <TextField
          id="records-to"
          name="to"
          label="Last day"
          hint="Up to the end of this day (UTC)"
          type="date"
          value={params.to}
          error={problemOf('to')}
          onChange={(e) => set('to')(e.target.value)}
        />
        <fieldset className="form-group">
          <legend className="label">Format</legend>
          {RECORDS_FORMAT_OPTIONS.map((option) => {
            const id = `records-format-${option.value}`;
            return (
              <div className="checkbox" key={option.value}>
                <input
                  id={id}
                  name="format"
                  value={option.value}
                  type="radio"
                  className="checkbox__input"
                  checked={params.format === option.value}
                  onChange={() => set('format')(option.value)}
                  aria-describedby={`${id}-hint`}
                />
                <label className="checkbox__label" htmlFor={id}>
                  {option.label}
                </label>
                <p id={`${id}-hint`} className="hint checkbox__hint">
                  {option.hint}
                </p>
              </div>
            );
          })}
        </fieldset>
        <Button type="submit">Download the records</Button>
      </form>
    </>
  );
};
