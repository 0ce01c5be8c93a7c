// A new deal at the intro stage: the person's organization as one side, the other side found by name (a company of
// the registry, by INN too, or a public investor), the round, the instrument, the amount in rubles, the date and
// optionally the company's project.
import { Button, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_INSTRUMENTS, DEAL_ROUNDS } from '../../../../shared/ventures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type Counterparty,
  type CreateDealBody,
  type DealSide,
  type MyInvestmentOrganization,
  useCompanyProjects,
  useCounterparties,
  useCreateDeal,
} from '../api/investments.ts';
import { isCalendarDate, moscowToday } from './investment-labels.ts';

function CounterpartySelect({
  side,
  value,
  onChange,
  exclude,
  error,
}: {
  side: DealSide;
  value: Counterparty | null;
  onChange: (value: Counterparty | null) => void;
  exclude: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const labelOf = (item: Counterparty) =>
    side === 'company'
      ? `${item.name} · ${item.detail}`
      : `${item.name} · ${t(`investments.investorType.${item.detail}`)}`;
  const question = value && debounced === labelOf(value) ? '' : debounced;
  const found = useCounterparties(side, question);
  const options = (found.data ?? []).filter((item) => item.id !== exclude);
  if (value && !options.some((item) => item.id === value.id)) options.unshift(value);
  return (
    <Select
      label={t(side === 'company' ? 'investments.newDeal.company' : 'investments.newDeal.investor')}
      description={t(side === 'company' ? 'investments.newDeal.companyHint' : 'investments.newDeal.investorHint')}
      required
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('investments.newDeal.clear') }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((item) => ({ value: item.id, label: labelOf(item) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((item) => item.id === id) ?? null)}
      nothingFoundMessage={
        side === 'company' && question.trim().length < 2
          ? t('investments.newDeal.typeMore')
          : found.isFetching
            ? t('common.loading')
            : t('investments.newDeal.nothing')
      }
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface NewDealFormProps {
  organizations: MyInvestmentOrganization[];
  onCreated: (id: string) => void;
}

export function NewDealForm({ organizations, onCreated }: NewDealFormProps) {
  const { t } = useTranslation();
  const create = useCreateDeal();
  const first = organizations[0];
  const [organizationId, setOrganizationId] = useState(first?.id ?? '');
  const [side, setSide] = useState<DealSide>(first?.investor ? 'investor' : 'company');
  const [other, setOther] = useState<Counterparty | null>(null);
  const [round, setRound] = useState<string>('');
  const [instrument, setInstrument] = useState<string>('');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(moscowToday());
  const [projectId, setProjectId] = useState('');
  const [attempted, setAttempted] = useState(false);
  const companyId = side === 'company' ? organizationId : other?.id;
  const projects = useCompanyProjects(companyId);
  const server = create.error instanceof ApiError ? create.error.fields : {};

  const kopecks = rublesToKopecks(amount);
  const problems: Record<string, string | undefined> = {
    organizationId: organizationId ? undefined : t('investments.form.required'),
    other: other ? undefined : t('investments.newDeal.otherRequired'),
    round: round ? undefined : t('investments.form.required'),
    instrument: instrument ? undefined : t('investments.form.required'),
    amount: kopecks && BigInt(kopecks) > 0n ? undefined : t('investments.form.amountRequired'),
    date: isCalendarDate(date) ? undefined : t('investments.form.dateInvalid'),
  };
  const shown = (key: string, serverKey: string) => server[serverKey] ?? (attempted ? problems[key] : undefined);
  const otherServerKey = side === 'company' ? 'organizationId' : 'investorOrganizationId';
  const ownServerKey = side === 'company' ? 'investorOrganizationId' : 'organizationId';

  const changeOrganization = (id: string) => {
    setOrganizationId(id);
    const organization = organizations.find((org) => org.id === id);
    setSide(organization?.investor ? 'investor' : 'company');
    setOther(null);
    setProjectId('');
  };

  const send = () => {
    setAttempted(true);
    if (Object.values(problems).some(Boolean) || !other || !kopecks) return;
    const body: CreateDealBody = {
      investorOrganizationId: side === 'investor' ? organizationId : other.id,
      organizationId: side === 'investor' ? other.id : organizationId,
      round: round as CreateDealBody['round'],
      instrument: instrument as CreateDealBody['instrument'],
      amountKopecks: kopecks,
      date,
      ...(projectId ? { projectId } : {}),
    };
    create.mutate(body, {
      onSuccess: (answer) => {
        notifySuccess(t('investments.newDeal.created', { number: answer.number }));
        onCreated(answer.id);
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Stack gap="md">
        <Select
          label={t('investments.newDeal.myOrganization')}
          required
          data={organizations.map((org) => ({ value: org.id, label: org.shortName }))}
          value={organizationId || null}
          onChange={(value) => changeOrganization(value ?? '')}
          allowDeselect={false}
          error={shown('organizationId', ownServerKey)}
          maw={520}
        />
        <Radio.Group
          label={t('investments.newDeal.side')}
          required
          value={side}
          onChange={(value) => {
            setSide(value as DealSide);
            setOther(null);
            setProjectId('');
          }}
        >
          <Group gap="lg" mt={6}>
            <Radio value="investor" label={t('investments.newDeal.asInvestor')} />
            <Radio value="company" label={t('investments.newDeal.asCompany')} />
          </Group>
        </Radio.Group>
        <CounterpartySelect
          key={side}
          side={side === 'investor' ? 'company' : 'investor'}
          value={other}
          onChange={(value) => {
            setOther(value);
            if (side === 'investor') setProjectId('');
          }}
          exclude={organizationId}
          error={shown('other', otherServerKey)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('investments.newDeal.round')}
            required
            data={DEAL_ROUNDS.map((value) => ({ value, label: t(`investments.round.${value}`) }))}
            value={round || null}
            onChange={(value) => setRound(value ?? '')}
            allowDeselect={false}
            error={shown('round', 'round')}
          />
          <Select
            label={t('investments.newDeal.instrument')}
            required
            data={DEAL_INSTRUMENTS.map((value) => ({ value, label: t(`investments.instrument.${value}`) }))}
            value={instrument || null}
            onChange={(value) => setInstrument(value ?? '')}
            allowDeselect={false}
            error={shown('instrument', 'instrument')}
          />
          <TextInput
            label={t('investments.newDeal.amount')}
            description={t('investments.newDeal.amountHint')}
            required
            inputMode="decimal"
            rightSection={<Text size="sm">₽</Text>}
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={shown('amount', 'amountKopecks')}
          />
          <TextInput
            label={t('investments.newDeal.date')}
            type="date"
            required
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={shown('date', 'date')}
          />
        </SimpleGrid>
        <Select
          label={t('investments.newDeal.project')}
          description={t('investments.newDeal.projectHint')}
          placeholder={
            !companyId
              ? t('investments.newDeal.companyFirst')
              : (projects.data?.length ?? 0) === 0
                ? t('investments.newDeal.noProjects')
                : t('investments.newDeal.pickProject')
          }
          data={(projects.data ?? []).map((project) => ({ value: project.id, label: project.label }))}
          value={projectId || null}
          onChange={(value) => setProjectId(value ?? '')}
          clearable
          clearButtonProps={{ 'aria-label': t('investments.newDeal.clearProject') }}
          searchable
          disabled={(projects.data?.length ?? 0) === 0}
          nothingFoundMessage={t('investments.noOptions')}
          error={server.projectId}
        />
        {attempted && Object.values(problems).some(Boolean) && (
          <Text c="#b02525" fw={600} role="alert">
            {t('investments.form.fixErrors')}
          </Text>
        )}
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('investments.newDeal.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
