import { useEffect, useState } from 'react';

/**
 * A whole number typed freely and applied on blur or Enter, never on each keystroke (select all and
 * type "90" gives 90, not 3090). Out of range or not a number: a message, and the saved value stays.
 */
export function NumberField({ value, min, max, onApply, label, testId }: { value: number; min: number; max: number; onApply: (n: number) => void; label: string; testId?: string }) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(String(value)), [value]);
  const apply = () => {
    const n = Number(draft.trim());
    if (!draft.trim() || !Number.isInteger(n) || n < min || n > max) {
      setError(`${label}: write a whole number from ${min} to ${max}.`);
      return;
    }
    setError(null);
    if (n !== value) onApply(n);
  };
  return (
    <>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        aria-label={label}
        aria-invalid={!!error}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
        data-testid={testId}
      />
      {error && (
        <span className="status error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
