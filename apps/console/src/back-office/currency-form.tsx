import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The currency a back-office page shows, checked before it is asked for: a three-letter code
 * (any case); `children` are the page's other settings, shown beside it.
 */
export function CurrencyForm({
  label,
  onCurrency,
  children,
}: {
  label: string;
  onCurrency: (currency: string) => void;
  children?: ReactNode;
}) {
  const [draft, setDraft] = useState('USD');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = draft.trim().toUpperCase();
    if (!CURRENCY.test(code)) {
      setError('A currency is a three-letter ISO 4217 code, such as USD or EUR.');
      return;
    }
    setError(null);
    onCurrency(code);
  };
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Group align="flex-start">
        <TextInput
          label="Currency"
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          error={error}
          maw={160}
          autoComplete="off"
        />
        {children}
        <Button type="submit" mt={25}>
          Show
        </Button>
      </Group>
    </form>
  );
}
