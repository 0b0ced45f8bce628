import { useId, useState } from 'react';
import { Checkbox } from '../../../components/ui/checkbox';

type BundleDownloadProps = {
  conversationId: string;
  /** The departments that tagged the conversation and that the person can see: a bundle is one department's case. */
  departments: { key: string; name: string }[];
};

/**
 * "Download FOI bundle": a plain GET form, so the browser saves the ZIP the api streams (with the session cookie)
 * and the page stays where it is. The download is audited by the api.
 */
export const BundleDownload = ({ conversationId, departments }: BundleDownloadProps) => {
  const [department, setDepartment] = useState(departments[0]?.key ?? '');
  const ids = useId();
  if (departments.length === 0) return null;
  return (
    <form
      className="bundle-download"
      method="get"
      action={`/api/conversations/${encodeURIComponent(conversationId)}/bundle`}
      aria-labelledby={`${ids}-title`}
    >
      <h2 id={`${ids}-title`} className="heading-m">
        FOI case bundle
      </h2>
      <p>
        Everything Parley holds on this case, for a Freedom of Information request: the thread, why it was
        tagged, every change, draft, review and reply with times and people, and the audit trail.
      </p>
      {departments.length > 1 ? (
        <div className="form-group">
          <label className="label" htmlFor={`${ids}-department`}>
            Department
          </label>
          <select
            id={`${ids}-department`}
            name="department"
            className="select"
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
          >
            {departments.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="department" value={department} />
      )}
      <Checkbox
        id={`${ids}-redact`}
        name="redact"
        value="public"
        label="Remove members of the public’s personal data"
        hint="Their names, handles and profile links, and any email addresses, phone numbers, National Insurance numbers, postcodes and reference numbers in the text. The department’s own posts and staff names stay."
      />
      <button type="submit" className="button button--secondary">
        Download FOI bundle
      </button>
    </form>
  );
};
