import { Checkbox, CheckboxGroup } from 'suomifi-ui-components';
import { memberBoxId, toggled } from './pilot-form-values';

type MemberChoiceProps = {
  id: string;
  /** The id prefix of the boxes: `pilot-<list>-<memberId>`. */
  list: string;
  label: string;
  hint: string;
  options: { id: string; label: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string;
};

/** Several of a list (sites, services, professionals) as checkboxes in one labelled group. */
export function MemberChoice({ id, list, label, hint, options, chosen, onChange, error }: MemberChoiceProps) {
  return (
    <CheckboxGroup id={id} labelText={label} groupHintText={hint} groupStatus={error ? 'error' : 'default'} groupStatusText={error} className="pilot-members">
      {options.map((option) => (
        <Checkbox key={option.id} id={memberBoxId(list, option.id)} checked={chosen.includes(option.id)} onClick={({ checkboxState }) => onChange(toggled(chosen, option.id, checkboxState))}>
          {option.label}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
