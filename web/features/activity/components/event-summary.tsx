/** A key prefix as the server writes it in summaries ("flw_test_zIjW…"), ellipsis included. */
const KEY_PREFIX = /(flw_test_[A-Za-z0-9]+…?)/;

/**
 * An audit summary with its key prefixes in the monospace style used elsewhere: in the body font
 * "zIjW" reads as "zljW". Summaries are plain text; splitting keeps them text (no markup is parsed).
 */
export function EventSummary({ text }: { text: string }) {
  // With a capturing group, split puts the prefixes at the odd indexes.
  const parts = text.split(KEY_PREFIX);
  return (
    <span>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index}>
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </span>
  );
}
