import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { RecordsExportForm } from '../../features/records/components/records-export-form';
import { defaultRecordsParams } from '../../features/records/utils/records-params';

export const RecordsRoute = () => {
  const me = useSignedInUser();
  const exportable = me.departments.filter((d) => d.permissions.includes('records.export'));

  return (
    <>
      <title>Records for the records office – Parley</title>
      <h1 className="heading-l">Records for the records office</h1>
      {exportable.length === 0 ? (
        <EmptyState title="You cannot export records">
          <p>A department’s admins and managers export its records.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            The department’s own replies, pointers and posts are public records. Download those recorded or
            published through Parley over a period, each with the conversation, the post it answered and its
            drafts and clearance, to hand to your records office.
          </p>
          <p>
            Each reply links to its conversation’s FOI case bundle, which holds the whole case and its audit
            trail. Every download is recorded in the <Link to="/audit">audit log</Link>.
          </p>
          <RecordsExportForm
            departments={exportable}
            initial={defaultRecordsParams(exportable[0].key, new Date())}
          />
        </>
      )}
    </>
  );
};
