import type { ReactNode } from 'react';
import { Button } from 'suomifi-ui-components';

type FormSubmitProps = { id?: string; isPending: boolean; variant?: 'secondary'; children: ReactNode };

/** A form's submit button in its action row, disabled while the form is being saved (no double submits). */
export function FormSubmit({ id, isPending, variant, children }: FormSubmitProps) {
  return (
    <div className="form-actions">
      <Button type="submit" id={id} variant={variant} disabled={isPending}>
        {children}
      </Button>
    </div>
  );
}
