// The customer proposes a pilot of a shortlisted solution: a site chosen from the registry (searched as one types),
// the plan and the dates, at most three calendar months; the site's owner approves it afterwards.
import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCalendarMonths, isCalendarDate, moscowToday } from '../../../../shared/calendar-dates.ts';
import { PILOT_MAX_MONTHS, PILOT_MIN_TRL } from '../../../../shared/innovation.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type PilotSite, useProposePilot, useSiteSearch } from '../api/pilots.ts';

interface ProposePilotDialogProps {
  solution: { id: string; number: string; trl: number; pilotPlan: string };
  opened: boolean;
  onClose: () => void;
  onProposed?: (pilotId: string) => void;
}

type Errors = { siteId?: string; plan?: string; startsOn?: string; endsOn?: string };

export function ProposePilotDialog({ solution, opened, onClose, onProposed }: ProposePilotDialogProps) {
  const { t } = useTranslation();
  const propose = useProposePilot();
  const idempotencyKey = useRef(crypto.randomUUID());
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [site, setSite] = useState<PilotSite | null>(null);
  // sites of one name (two depots «Калужское») differ by their address
  const labelOf = (item: PilotSite) => `${item.name} — ${item.address}`;
  // once a site is chosen the search text is its label: the list then shows every site again, not just that one
  const sites = useSiteSearch(site && debounced === labelOf(site) ? '' : debounced);
  const [plan, setPlan] = useState(solution.pilotPlan);
  const today = moscowToday();
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(() => addCalendarMonths(today, PILOT_MAX_MONTHS));
  const [errors, setErrors] = useState<Errors>({});
  const server = propose.error instanceof ApiError ? propose.error.fields : {};
  const latest = isCalendarDate(startsOn) ? addCalendarMonths(startsOn, PILOT_MAX_MONTHS) : undefined;

  const options = useMemo(() => {
    const found = sites.data?.items ?? [];
    const list = site && !found.some((item) => item.id === site.id) ? [site, ...found] : found;
    return list.filter((item) => item.active);
  }, [sites.data, site]);

  const send = () => {
    const next: Errors = {};
    if (!site) next.siteId = t('pilots.propose.siteRequired');
    if (!plan.trim()) next.plan = t('pilots.propose.planRequired');
    if (!isCalendarDate(startsOn)) next.startsOn = t('pilots.propose.dateInvalid');
    else if (startsOn < today) next.startsOn = t('pilots.propose.startsInPast');
    if (!isCalendarDate(endsOn)) next.endsOn = t('pilots.propose.dateInvalid');
    else if (latest && endsOn <= startsOn) next.endsOn = t('pilots.propose.endsBeforeStart');
    else if (latest && endsOn > latest)
      next.endsOn = t('pilots.propose.tooLong', { months: PILOT_MAX_MONTHS, latest: formatDate(latest) });
    setErrors(next);
    if (Object.keys(next).length > 0 || !site) return;
    propose.mutate(
      {
        body: { solutionId: solution.id, siteId: site.id, plan: plan.trim(), startsOn, endsOn },
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (pilot) => {
          notifySuccess(t('pilots.propose.done', { number: pilot.number }));
          onClose();
          onProposed?.(pilot.id);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('pilots.propose.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('pilots.propose.intro', { number: solution.number })}</Text>
        {solution.trl < PILOT_MIN_TRL && (
          <Alert color="yellow" title={t('pilots.propose.trlLowTitle')}>
            {t('pilots.propose.trlLow', { trl: solution.trl, minTrl: PILOT_MIN_TRL })}
          </Alert>
        )}
        <ErrorAlert error={propose.error} />
        <Select
          label={t('pilots.propose.site')}
          description={t('pilots.propose.siteHint')}
          required
          searchable
          data={options.map((item) => ({ value: item.id, label: labelOf(item) }))}
          filter={({ options: all }) => all}
          value={site?.id ?? null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(value) => {
            setSite(options.find((item) => item.id === value) ?? null);
            setErrors((previous) => ({ ...previous, siteId: undefined }));
          }}
          nothingFoundMessage={sites.isFetching ? t('common.loading') : t('pilots.propose.noSites')}
          error={errors.siteId ?? server.siteId}
          comboboxProps={{ withinPortal: true }}
        />
        {site && (
          <Text size="sm">
            {t(`pilots.siteKind.${site.kind}`)} · {site.district} · {t('pilots.sites.owner')}: {site.ownerName}
          </Text>
        )}
        <Text size="sm">
          <Anchor renderRoot={(props) => <Link {...props} to="/pilot-sites" target="_blank" />}>
            {t('pilots.propose.browseSites')}
          </Anchor>
        </Text>
        <Textarea
          label={t('pilots.propose.plan')}
          description={t('pilots.propose.planHint')}
          required
          autosize
          minRows={4}
          maxLength={10_000}
          value={plan}
          onChange={(event) => setPlan(event.currentTarget.value)}
          error={errors.plan ?? server.plan}
        />
        <Group gap="md" align="flex-start" wrap="wrap">
          <TextInput
            label={t('pilots.propose.startsOn')}
            type="date"
            required
            min={today}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
            error={errors.startsOn ?? server.startsOn}
            w={220}
          />
          <TextInput
            label={t('pilots.propose.endsOn')}
            description={
              latest
                ? t('pilots.propose.endsHint', { months: PILOT_MAX_MONTHS, latest: formatDate(latest) })
                : undefined
            }
            type="date"
            required
            min={startsOn}
            max={latest}
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
            error={errors.endsOn ?? server.endsOn}
            w={260}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={propose.isPending} onClick={send}>
            {t('pilots.propose.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
