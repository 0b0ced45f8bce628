import { Tag } from '../../../components/ui/tag';

/** On or off in words; the colour only repeats it. */
export const RuleStatus = ({ enabled }: { enabled: boolean }) =>
  enabled ? <Tag tone="green">On</Tag> : <Tag tone="grey">Off</Tag>;
