/** Why there is no "New rule" button or edit form, and who to ask instead. */
export const ReadOnlyNote = ({ departmentName }: { departmentName: string }) => (
  <div className="inset-text">
    <p>
      You can read {departmentName}’s rules but not change them. Managers of the department and Parley
      administrators can add and change rules.
    </p>
  </div>
);
