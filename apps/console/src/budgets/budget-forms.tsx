import { Button, Card, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFormMutation } from '../api/use-mutation-operation';
import { AmountField } from '../layout/amount-field';
import { MutationOutcome } from '../layout/mutation-outcome';
import { formatMoney } from '../money/money';
import { readOptionalAmount } from '../top-up/amount-input';
import {
  CreateSubAccountMutation,
  SetMonthlyBudgetMutation,
  SetSpendingCapMutation,
} from './budgets.queries';

interface Scope {
  readonly id: string;
  readonly label: string;
}

interface FormsProps {
  readonly tenantId: string;
  readonly currency: string;
  readonly token: string;
  readonly subAccounts: readonly Scope[];
  readonly workspaces: readonly Scope[];
}

/** The three ways to set limits: a new sub-account, a monthly budget, a spending cap. */
export function BudgetForms(props: FormsProps) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="change-budgets">
      <Title order={2} id="change-budgets" mb="md">
        Change budgets and caps
      </Title>
      <Stack gap="xl">
        <NewSubAccountForm {...props} />
        {props.subAccounts.length > 0 && <BudgetForm {...props} />}
        <CapForm {...props} />
      </Stack>
    </Card>
  );
}

function NewSubAccountForm({ tenantId, currency, token }: FormsProps) {
  const [name, setName] = useState('');
  const [budget, setBudget] = useState('');
  const [problems, setProblems] = useState<{ name?: string; budget?: string }>({});
  const { mutation, done, send } = useFormMutation(CreateSubAccountMutation, token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = readOptionalAmount(budget, currency);
    const next = {
      name: name.trim() === '' ? 'Enter a name.' : undefined,
      budget: amount.ok ? undefined : amount.error,
    };
    setProblems(next);
    if (!amount.ok || next.name !== undefined) return;
    send(
      { input: { tenantId, name: name.trim(), monthlyBudget: amount.amount } },
      `Sub-account ${name.trim()} opened.`,
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New sub-account">
      <Group align="flex-end" grow>
        <TextInput
          label="New sub-account"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problems.name}
        />
        <AmountField
          label={`Monthly budget (${currency}, blank: none)`}
          value={budget}
          onChange={setBudget}
          error={problems.budget}
        />
        <Button type="submit" loading={mutation.isPending} style={{ flexGrow: 0 }}>
          Open sub-account
        </Button>
      </Group>
      <MutationOutcome what="open the sub-account" error={mutation.error} done={done} />
    </form>
  );
}

function BudgetForm({ currency, token, subAccounts }: FormsProps) {
  const [subAccountId, setSubAccountId] = useState(subAccounts[0].id);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { mutation, done, send } = useFormMutation(SetMonthlyBudgetMutation, token);
  const label = subAccounts.find((s) => s.id === subAccountId)?.label;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = readOptionalAmount(text, currency);
    setProblem(amount.ok ? null : amount.error);
    if (!amount.ok) return;
    send(
      { subAccountId, amount: amount.amount },
      amount.amount === null
        ? `${label} has no monthly budget now.`
        : `${label} gets ${formatMoney(amount.micros, currency)} at the start of each month.`,
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Monthly budget">
      <Group align="flex-end" grow>
        <NativeSelect
          label="Sub-account"
          value={subAccountId}
          onChange={(e) => setSubAccountId(e.currentTarget.value)}
          data={subAccounts.map((s) => ({ value: s.id, label: s.label }))}
        />
        <AmountField
          label={`Monthly budget (${currency}, blank: none)`}
          value={text}
          onChange={setText}
          error={problem}
        />
        <Button type="submit" loading={mutation.isPending} style={{ flexGrow: 0 }}>
          Set budget
        </Button>
      </Group>
      <MutationOutcome what="set the budget" error={mutation.error} done={done} />
    </form>
  );
}

function CapForm({ currency, token, subAccounts, workspaces }: FormsProps) {
  const scopes = [
    ...subAccounts.map((s) => ({ value: `sub:${s.id}`, label: `Sub-account ${s.label}` })),
    ...workspaces.map((w) => ({ value: `ws:${w.id}`, label: `Namespace ${w.label}` })),
  ];
  const [scope, setScope] = useState(scopes[0]?.value ?? '');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { mutation, done, send } = useFormMutation(SetSpendingCapMutation, token);
  if (scopes.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = readOptionalAmount(text, currency);
    setProblem(amount.ok ? null : amount.error);
    if (!amount.ok) return;
    const [kind, id] = scope.split(':');
    const label = scopes.find((s) => s.value === scope)?.label;
    send(
      {
        input: {
          subAccountId: kind === 'sub' ? id : null,
          workspaceId: kind === 'ws' ? id : null,
          monthlyCap: amount.amount,
        },
      },
      amount.amount === null
        ? `${label} has no spending cap now.`
        : `${label} may spend at most ${formatMoney(amount.micros, currency)} a month.`,
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Spending cap">
      <Group align="flex-end" grow>
        <NativeSelect
          label="Capped scope"
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value)}
          data={scopes}
        />
        <AmountField
          label={`Monthly cap (${currency}, blank: none)`}
          value={text}
          onChange={setText}
          error={problem}
        />
        <Button type="submit" loading={mutation.isPending} style={{ flexGrow: 0 }}>
          Set cap
        </Button>
      </Group>
      <MutationOutcome what="set the cap" error={mutation.error} done={done} />
    </form>
  );
}
