import { TextInput } from '@mantine/core';

interface Props {
  readonly currency: string;
  /** What the sign of the amount means here. */
  readonly description: string;
  readonly value: string;
  readonly problem: string | null | undefined;
  readonly onChange: (text: string) => void;
}

/** An amount typed as text (the API's Money is a decimal string): checked by checkAmount. */
export function AmountField({ currency, description, value, problem, onChange }: Props) {
  return (
    <TextInput
      label={`Amount in ${currency}`}
      description={description}
      required
      inputMode="decimal"
      autoComplete="off"
      value={value}
      error={problem}
      onChange={(event) => onChange(event.currentTarget.value)}
      data-autofocus
    />
  );
}
