import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { runOperation } from '../api/graphql-client';
import type {
  CreatePriceBookVersionInput,
  PriceBookVersionFragment as Version,
} from '../gql/graphql';
import { Refusal } from '../layout/states';
import { parsePrice, priceText } from '../money/money';
import { describeMoment } from '../wallets/wallet-words';
import { CreatePriceBookVersionMutation } from './back-office.queries';

interface Draft {
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly prices: Readonly<Record<string, string>>;
}

/** What is wrong, by field: effectiveFrom, reason, or a resource's price. */
type Problems = Partial<Record<string, string>>;

/**
 * Schedules the next version of the currency's price book, starting from the prices in force.
 * Everything is checked before it is sent; the API's refusal is shown in words with its code.
 */
export function ScheduleVersionForm({
  current,
  token,
  onScheduled,
}: {
  current: Version;
  token: string;
  onScheduled: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => ({
    effectiveFrom: '',
    reason: '',
    prices: Object.fromEntries(
      current.prices.map((p) => [p.resource, priceText(p.pricePerUnitHour, p.scale)]),
    ),
  }));
  const [problems, setProblems] = useState<Problems>({});
  const schedule = useMutation({
    mutationFn: (input: CreatePriceBookVersionInput) =>
      runOperation(CreatePriceBookVersionMutation, { input }, token),
    onSuccess: onScheduled,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = check(draft, current, new Date());
    setProblems(checked.problems);
    if (checked.input !== null) schedule.mutate(checked.input);
  };

  return (
    <Stack gap="sm" component="section" aria-label="Schedule a new version">
      <Title order={2}>Schedule a new version</Title>
      <form onSubmit={submit} noValidate aria-label="New price book version">
        <Stack gap="sm" maw={760}>
          <Group align="flex-start" grow>
            <TextInput
              label="Takes effect (UTC)"
              description="A moment after the latest version's, e.g. 2027-01-01 00:00"
              value={draft.effectiveFrom}
              onChange={(e) => setDraft({ ...draft, effectiveFrom: e.currentTarget.value })}
              error={problems.effectiveFrom}
              autoComplete="off"
            />
            <TextInput
              label="Reason"
              description="Kept with the version"
              value={draft.reason}
              onChange={(e) => setDraft({ ...draft, reason: e.currentTarget.value })}
              error={problems.reason}
              autoComplete="off"
            />
          </Group>
          <Table aria-label="New prices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Resource</Table.Th>
                <Table.Th scope="col">Price per unit ({current.currency})</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.prices.map((p) => (
                <Table.Tr key={p.resource}>
                  <Table.Td>
                    {p.resource} (per {p.unit})
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Price of ${p.resource} per ${p.unit}`}
                      value={draft.prices[p.resource]}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          prices: { ...draft.prices, [p.resource]: e.currentTarget.value },
                        })
                      }
                      error={problems[p.resource]}
                      autoComplete="off"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button type="submit" loading={schedule.isPending}>
              Schedule version
            </Button>
          </Group>
        </Stack>
      </form>
      {schedule.isSuccess && (
        <Alert color="green" variant="outline" title="Version scheduled" role="status">
          <Text>
            Version {schedule.data.createPriceBookVersion.version} takes effect{' '}
            {describeMoment(schedule.data.createPriceBookVersion.effectiveFrom, new Date()).at}.
          </Text>
        </Alert>
      )}
      {schedule.isError && <Refusal title="The version was not scheduled" error={schedule.error} />}
    </Stack>
  );
}

const MOMENT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

/** The draft as the mutation's input, or what is wrong with it, field by field. */
function check(
  draft: Draft,
  current: Version,
  now: Date,
): { input: CreatePriceBookVersionInput | null; problems: Problems } {
  const problems: Problems = {};
  const match = MOMENT.exec(draft.effectiveFrom.trim());
  const effectiveFrom = match === null ? null : new Date(`${match[1]}T${match[2]}:00Z`);
  if (effectiveFrom === null || Number.isNaN(effectiveFrom.getTime())) {
    problems.effectiveFrom = 'Write the moment as YYYY-MM-DD HH:MM, in UTC.';
  } else if (effectiveFrom <= now) {
    problems.effectiveFrom =
      'A new version takes effect later than now: past hours keep their prices.';
  }
  if (draft.reason.trim() === '') problems.reason = 'Say why the prices change.';
  const prices = current.prices.map((p) => {
    const parsed = parsePrice(draft.prices[p.resource] ?? '');
    if (parsed === null) {
      problems[p.resource] = 'A price is a number of at least 0, e.g. 0.03 or 0.0000083.';
    }
    return {
      resource: p.resource,
      unit: p.unit,
      ...(parsed ?? { pricePerUnitHour: '0', scale: 0 }),
    };
  });
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      currency: current.currency,
      effectiveFrom: effectiveFrom!.toISOString(),
      reason: draft.reason.trim(),
      prices,
    },
    problems,
  };
}
