import { TextInput } from '@mantine/core';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** What is wrong with the value, in words; null when nothing is. */
  readonly error?: string | null;
}

/** A field for an amount of money, typed as a decimal and read by readAmount before sending. */
export function AmountField({ label, value, onChange, error }: Props) {
  return (
    <TextInput
      label={label}
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
