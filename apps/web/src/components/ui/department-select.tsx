import { useTranslation } from 'react-i18next';

type DepartmentSelectProps = {
  departments: { key: string; name: string }[];
  value: string;
  onChange: (key: string) => void;
};

/** The labelled department chooser used by every filter bar. */
export const DepartmentSelect = ({ departments, value, onChange }: DepartmentSelectProps) => {
  const { t } = useTranslation();
  return (
    <div className="form-group form-group--inline">
      <label className="label" htmlFor="department">
        {t('common.department')}
      </label>
      <select
        id="department"
        name="department"
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {departments.map((d) => (
          <option key={d.key} value={d.key}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
};
