import { useId, useState, type FormEvent, type ReactNode } from 'react';
import * as z from 'zod/mini';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../../../../shared/limits.js';
import type { Credentials } from '../../../../shared/bff.js';

interface CredentialsFormProps {
  mode: 'sign-in' | 'sign-up';
  submitLabel: string;
  pending: boolean;
  /** The server's refusal, already turned into a sentence (it may carry a link to the way out). */
  formError: ReactNode;
  onSubmit: (credentials: Credentials) => void;
  footer: ReactNode;
}

interface FieldErrors {
  email?: string;
  password?: string;
}

const emailSchema = z.email();

function validate(mode: CredentialsFormProps['mode'], email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email === '') errors.email = 'Enter your email address.';
  else if (email.length > EMAIL_MAX || !emailSchema.safeParse(email).success) {
    errors.email = 'Enter a valid email address, like name@example.com.';
  }
  if (password === '') errors.password = 'Enter your password.';
  else if (password.length > PASSWORD_MAX) errors.password = `Use at most ${PASSWORD_MAX} characters.`;
  else if (mode === 'sign-up' && password.length < PASSWORD_MIN) {
    errors.password = `Choose a longer password: at least ${PASSWORD_MIN} characters.`;
  }
  return errors;
}

/** Email + password, checked in the browser with the same limits the server applies. */
export function CredentialsForm({ mode, submitLabel, pending, formError, onSubmit, footer }: CredentialsFormProps) {
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const found = validate(mode, email, password);
    setErrors(found);
    if (found.email === undefined && found.password === undefined) onSubmit({ email, password });
  }

  const passwordHint = mode === 'sign-up' ? `At least ${PASSWORD_MIN} characters. A short sentence works well.` : null;
  const describedBy = [passwordHint ? `${id}-password-hint` : '', errors.password ? `${id}-password-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <form className="form" noValidate onSubmit={handleSubmit}>
      {formError && (
        <p className="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete={mode === 'sign-up' ? 'email' : 'username'}
          inputMode="email"
          spellCheck={false}
          maxLength={EMAIL_MAX}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${id}-email-error` : undefined}
        />
        {errors.email && (
          <p className="field-error" id={`${id}-email-error`}>
            {errors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          maxLength={PASSWORD_MAX}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {passwordHint && (
          <p className="field-hint" id={`${id}-password-hint`}>
            {passwordHint}
          </p>
        )}
        {errors.password && (
          <p className="field-error" id={`${id}-password-error`}>
            {errors.password}
          </p>
        )}
      </div>
      <button className="button button-primary button-block" type="submit" disabled={pending} aria-busy={pending || undefined}>
        {submitLabel}
      </button>
      <div className="form-footer">{footer}</div>
    </form>
  );
}
