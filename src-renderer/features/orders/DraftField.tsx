import { useEffect, useId, useState, type KeyboardEvent } from 'react';

/**
 * A draft text field that saves when it loses focus or on Enter, and puts the saved value
 * back on Escape. Shows the draft's issue for this field (a required field left empty…).
 */
export function DraftField(props: {
  label: string;
  value: string;
  onSave(value: string): void;
  issue?: string | undefined;
  required?: boolean;
  type?: 'text' | 'date' | 'tel' | 'email';
  multiline?: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  autoComplete?: string;
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState(props.value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(props.value);
  }, [props.value, focused]);

  const commit = () => {
    if (text !== props.value) props.onSave(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setText(props.value);
    } else if (e.key === 'Enter' && !props.multiline) {
      e.preventDefault();
      commit();
    }
  };
  const describedBy = [props.issue ? `${id}-issue` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: text,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      commit();
    },
    onKeyDown,
    'aria-invalid': props.issue ? true : undefined,
    'aria-required': props.required || undefined,
    'aria-describedby': describedBy,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    autoComplete: props.autoComplete ?? 'off',
  };
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
        {props.required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {props.multiline ? <textarea className="input textarea" rows={3} {...common} /> : <input className="input" type={props.type ?? 'text'} {...common} />}
      {props.hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.issue ? (
        <span className="field-error" id={`${id}-issue`}>
          {props.issue}
        </span>
      ) : null}
    </div>
  );
}
