import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { SNIPPETS, type SnippetInput, type SnippetLanguage } from './authorize-snippets.js';

const LANGUAGES = Object.keys(SNIPPETS) as SnippetLanguage[];

/** WAI-ARIA tabs: arrow keys move between curl / Python / TypeScript, Tab goes into the code. */
export function SnippetTabs({ input }: { input: SnippetInput }) {
  const id = useId();
  const [active, setActive] = useState<SnippetLanguage>('curl');
  const [copied, setCopied] = useState(false);
  const tabs = useRef<Partial<Record<SnippetLanguage, HTMLButtonElement | null>>>({});
  const code = SNIPPETS[active].build(input);

  function select(language: SnippetLanguage) {
    setActive(language);
    setCopied(false);
    tabs.current[language]?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = LANGUAGES.indexOf(active);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (event.key === 'Home') select(LANGUAGES[0] ?? active);
    else if (event.key === 'End') select(LANGUAGES[LANGUAGES.length - 1] ?? active);
    else if (step !== undefined) select(LANGUAGES[(index + step + LANGUAGES.length) % LANGUAGES.length] ?? active);
    else return;
    event.preventDefault();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="snippets">
      <div className="tablist" role="tablist" aria-label="Authorize request" onKeyDown={handleKeyDown}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            ref={(element) => {
              tabs.current[language] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${language}`}
            aria-selected={language === active}
            aria-controls={`${id}-panel`}
            tabIndex={language === active ? 0 : -1}
            className="tab"
            onClick={() => select(language)}
          >
            {SNIPPETS[language].label}
            {SNIPPETS[language].detail && (
              <>
                {' '}
                <span className="tab-detail">({SNIPPETS[language].detail})</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`}>
        <pre className="code-block" tabIndex={0} aria-label={`${SNIPPETS[active].label} code`}>
          <code>{code}</code>
        </pre>
        <div className="snippet-actions">
          <button type="button" className="button button-secondary button-small" onClick={() => void copy()}>
            Copy code
          </button>
          <span role="status" className="copy-status">
            {copied ? 'Copied' : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
