import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { isApiError } from '../../../lib/api-client';
import { useChangeRecord } from '../api/change-record';

type DeleteRecordProps = {
  department: string;
  path: string;
  /** What is deleted, in words: "the exercise “Loans consultation”". */
  what: string;
  consequence?: string;
};

/** A delete button that asks first; the record goes only when the person confirms. */
export const DeleteRecord = ({ department, path, what, consequence }: DeleteRecordProps) => {
  const [open, setOpen] = useState(false);
  const remove = useChangeRecord(department, { onSuccess: () => setOpen(false) });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Delete<span className="visually-hidden"> {what}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${what}?`}
        confirmLabel="Yes, delete it"
        destructive
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ method: 'DELETE', path })}
        onCancel={() => {
          remove.reset();
          setOpen(false);
        }}
      >
        <p>{consequence ?? 'It cannot be brought back, though the audit log keeps a copy.'}</p>
        {remove.error && (
          <p className="error-message" role="alert">
            {isApiError(remove.error) ? remove.error.message : 'It could not be deleted. Try again.'}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
};
