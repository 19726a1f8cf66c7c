import { useId, useRef, useState } from 'react';
import { Link } from '../../../components/links.js';
import { serverNow } from '../../../lib/server-clock.js';

interface AuthorizationCodeProps {
  clientName: string;
  code: string;
  codeExpiresAt: string | null;
  approvedScopes: readonly string[];
}

function minutesLeft(expiresAt: string | null): number | null {
  if (expiresAt === null) return null;
  const ms = Date.parse(expiresAt) - serverNow();
  return Number.isNaN(ms) ? null : Math.max(1, Math.round(ms / 60_000));
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The one-time code, for the person to paste into the agent (no redirect_uri was given). */
export function AuthorizationCode({ clientName, code, codeExpiresAt, approvedScopes }: AuthorizationCodeProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [minutes] = useState(() => minutesLeft(codeExpiresAt));

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  return (
    <article className="card consent-outcome" aria-labelledby={`${id}-title`}>
      <p className="eyebrow eyebrow-success">Approved</p>
      <h1 id={`${id}-title`}>Give this code to the agent</h1>
      <p className="lead">
        Paste it into <bdi>{clientName}</bdi>, where it asked you for the code. It works once and expires in{' '}
        {minutes === null ? 'a few minutes' : minutes === 1 ? '1 minute' : `${minutes} minutes`}.
      </p>
      <div className="field">
        <label htmlFor={`${id}-code`}>Authorization code</label>
        <div className="copy-row">
          <input
            ref={input}
            id={`${id}-code`}
            className="code-input"
            type="text"
            readOnly
            value={code}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button-primary" onClick={() => void copyCode()}>
            Copy
          </button>
        </div>
        <p className="copy-status" role="status">
          {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Could not copy. The code is selected: copy it with your keyboard.' : ''}
        </p>
      </div>
      <p>
        Approved permissions:{' '}
        {approvedScopes.map((name, index) => (
          <span key={name}>
            {index > 0 && ', '}
            <code>{name}</code>
          </span>
        ))}
        .
      </p>
      <p className="fine-print">
        Never share this code with anyone else. Changed your mind? Revoke the key on <Link to="/keys">your keys</Link>{' '}
        once the agent has used it.
      </p>
    </article>
  );
}
