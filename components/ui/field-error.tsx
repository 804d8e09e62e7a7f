import { CircleAlert } from 'lucide-react';

import { errorClass } from './field-styles';

export interface FieldErrorProps {
  id: string;
  message: string | undefined;
}

/** The message under a field, referenced by the field's aria-describedby so it is read with it. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className={`flex items-start gap-1 ${errorClass}`}>
      <CircleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{message}</span>
    </p>
  );
}
