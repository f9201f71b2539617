import { Text } from '@mantine/core';
import { Refusal } from './states';

interface Props {
  /** What the form does, as "Could not …" finishes: "set the budget". */
  readonly what: string;
  readonly error: unknown;
  /** What the last submission did, in words; null before one succeeded. */
  readonly done: string | null;
}

/** Under a form: the API's refusal with its code, or what the last submission did. */
export function MutationOutcome({ what, error, done }: Props) {
  if (error !== null && error !== undefined)
    return <Refusal title={`Could not ${what}`} error={error} />;
  if (done === null) return null;
  return (
    <Text role="status" c="teal.9">
      {done}
    </Text>
  );
}
