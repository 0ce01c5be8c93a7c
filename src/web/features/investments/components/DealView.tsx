// A deal's page parts: its facts, whether it counts as investment attracted, each side's confirmation (with the
// confirm and dispute buttons for the caller's side), the steps (advance, close, drop) and the timeline.
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFrame, ReasonDialog } from '../../../components/ui/DialogFrame.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { StatusTimeline } from '../../../components/ui/StatusTimeline.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate, formatDateTime, formatKopecks } from '../../../lib/format.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type Deal,
  type DealSide,
  useAdvanceDeal,
  useCloseDeal,
  useConfirmDeal,
  useDisputeDeal,
  useDropDeal,
} from '../api/investments.ts';
import { DealStatusBadge } from './DealStatusBadge.tsx';
import { isCalendarDate, moscowToday } from './investment-labels.ts';

export function DealFacts({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows: Array<[string, ReactNode]> = [
    [t('investments.deals.number'), deal.number],
    [t('investments.deal.investor'), deal.investorName],
    [t('investments.deal.company'), deal.companyName],
    [t('investments.deals.status'), <DealStatusBadge key="status" status={deal.status} />],
    [t('investments.newDeal.round'), t(`investments.round.${deal.round}`)],
    [t('investments.newDeal.instrument'), t(`investments.instrument.${deal.instrument}`)],
    [t('investments.deals.amount'), formatKopecks(deal.amountKopecks, language)],
    [t('investments.deals.date'), formatDate(deal.date)],
  ];
  if (deal.closedAt) rows.push([t('investments.deal.closedAt'), formatDateTime(deal.closedAt)]);
  rows.push([
    t('investments.newDeal.project'),
    deal.project ? (
      <Anchor
        key="project"
        renderRoot={(props) => <Link {...props} to="/projects/$id" params={{ id: deal.project?.id ?? '' }} />}
      >
        {deal.project.number} · {deal.project.title}
      </Anchor>
    ) : (
      t('investments.deal.noProject')
    ),
  ]);
  return (
    <Table variant="vertical" layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="42%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Says plainly whether the deal counts as investment attracted through the platform, and why not yet. */
export function DealCountingNote({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  if (deal.status === 'dropped')
    return (
      <Alert color="gray" title={t('investments.counting.droppedTitle')} data-testid="deal-counting">
        {deal.lastComment
          ? t('investments.counting.droppedReason', { reason: deal.lastComment })
          : t('investments.counting.dropped')}
      </Alert>
    );
  if (deal.status !== 'closed')
    return (
      <Alert color="blue" title={t('investments.counting.openTitle')} data-testid="deal-counting">
        {t('investments.counting.open')}
      </Alert>
    );
  if (deal.countsAsInvestment)
    return (
      <Alert color="green" title={t('investments.counting.countedTitle')} data-testid="deal-counting">
        {t('investments.counting.counted')}
      </Alert>
    );
  if (deal.disputedAt)
    return (
      <Alert color="red" title={t('investments.counting.disputedTitle')} data-testid="deal-counting">
        {deal.disputeReason
          ? t('investments.counting.disputedReason', { reason: deal.disputeReason })
          : t('investments.counting.disputed')}
      </Alert>
    );
  const waiting = [
    deal.investorConfirmedAt ? null : deal.investorName,
    deal.companyConfirmedAt ? null : deal.companyName,
  ].filter(Boolean);
  return (
    <Alert color="#8a4b00" title={t('investments.counting.waitingTitle')} data-testid="deal-counting">
      {t('investments.counting.waiting', { sides: waiting.join(', ') })}
    </Alert>
  );
}

interface SideDialogProps {
  deal: Deal;
  side: DealSide;
  organizationId: string;
  organizationName: string;
  opened: boolean;
  onClose: () => void;
}

function ConfirmSideDialog({ deal, organizationId, organizationName, opened, onClose }: SideDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const confirm = useConfirmDeal(deal.id);
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('investments.confirm.title')}>
      <Stack gap="md">
        <Text>
          {t('investments.confirm.text', {
            organization: organizationName,
            number: deal.number,
            amount: formatKopecks(deal.amountKopecks, language),
          })}
        </Text>
        <ErrorAlert error={confirm.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="#1e6f36"
            data-autofocus
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(organizationId, {
                onSuccess: (answer) => {
                  notifySuccess(
                    t(answer.countsAsInvestment ? 'investments.confirm.doneCounted' : 'investments.confirm.done'),
                  );
                  onClose();
                },
              })
            }
          >
            {t('investments.confirm.action')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

function DisputeSideDialog({ deal, organizationId, organizationName, opened, onClose }: SideDialogProps) {
  const { t } = useTranslation();
  const dispute = useDisputeDeal(deal.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const serverProblem = dispute.error instanceof ApiError ? dispute.error.fields.reason : undefined;
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('investments.dispute.title')}>
      <Stack gap="md">
        <Text>{t('investments.dispute.text', { organization: organizationName, number: deal.number })}</Text>
        <ErrorAlert error={serverProblem ? null : dispute.error} />
        <Textarea
          label={t('investments.dispute.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('investments.dispute.reasonRequired') : serverProblem}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="#b02525"
            loading={dispute.isPending}
            onClick={() => {
              if (!reason.trim()) return setMissing(true);
              dispute.mutate(
                { organizationId, reason: reason.trim() },
                {
                  onSuccess: () => {
                    notifySuccess(t('investments.dispute.done'));
                    onClose();
                  },
                },
              );
            }}
          >
            {t('investments.dispute.action')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

// a long organization name wraps on a phone instead of being cut off
const WRAPPING = { h: 'auto', py: 6, styles: { label: { whiteSpace: 'normal' as const } } };

/** Each side of a closed deal: confirmed, disputed or not yet; the caller's side gets its buttons. */
export function DealConfirmations({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ kind: 'confirm' | 'dispute'; side: DealSide } | null>(null);
  if (deal.status !== 'closed') return null;
  const sides: Array<{ side: DealSide; organizationId: string; name: string; confirmedAt: string | null }> = [
    {
      side: 'investor',
      organizationId: deal.investorOrganizationId,
      name: deal.investorName,
      confirmedAt: deal.investorConfirmedAt,
    },
    {
      side: 'company',
      organizationId: deal.organizationId,
      name: deal.companyName,
      confirmedAt: deal.companyConfirmedAt,
    },
  ];
  const close = () => setDialog(null);
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('investments.confirm.sides')}
    >
      {sides.map((entry) => {
        const disputed = deal.disputedByOrganizationId === entry.organizationId;
        const canConfirm = deal.viewer.canConfirm.includes(entry.side);
        const canDispute = deal.viewer.canDispute.includes(entry.side);
        const props = {
          deal,
          side: entry.side,
          organizationId: entry.organizationId,
          organizationName: entry.name,
          onClose: close,
        };
        return (
          <Card key={entry.side} withBorder padding="sm" component="li">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0}>
                  <Text size="sm" c="dimmed">
                    {t(`investments.deal.${entry.side}`)}
                  </Text>
                  <Text fw={600}>{entry.name}</Text>
                </Stack>
                <Text size="sm" fw={600} c={entry.confirmedAt ? '#1e6f36' : disputed ? '#b02525' : '#8a4b00'}>
                  {entry.confirmedAt
                    ? t('investments.confirm.confirmedOn', { date: formatDateTime(entry.confirmedAt) })
                    : disputed
                      ? t('investments.confirm.disputedOn', { date: formatDateTime(deal.disputedAt) })
                      : t('investments.confirm.notYet')}
                </Text>
              </Group>
              {(canConfirm || canDispute) && (
                <Group gap="xs">
                  {canConfirm && (
                    <Button
                      size="xs"
                      color="#1e6f36"
                      {...WRAPPING}
                      aria-haspopup="dialog"
                      onClick={() => setDialog({ kind: 'confirm', side: entry.side })}
                    >
                      {t('investments.confirm.button', { organization: entry.name })}
                    </Button>
                  )}
                  {canDispute && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="#b02525"
                      {...WRAPPING}
                      aria-haspopup="dialog"
                      onClick={() => setDialog({ kind: 'dispute', side: entry.side })}
                    >
                      {t('investments.dispute.button', { organization: entry.name })}
                    </Button>
                  )}
                </Group>
              )}
              {canConfirm && (
                <ConfirmSideDialog
                  key={`c-${dialog?.kind === 'confirm' && dialog.side === entry.side}`}
                  {...props}
                  opened={dialog?.kind === 'confirm' && dialog.side === entry.side}
                />
              )}
              {canDispute && (
                <DisputeSideDialog
                  key={`d-${dialog?.kind === 'dispute' && dialog.side === entry.side}`}
                  {...props}
                  opened={dialog?.kind === 'dispute' && dialog.side === entry.side}
                />
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

type StepDialog = 'advance' | 'close' | 'drop' | null;

function AdvanceDialog({ deal, opened, onClose }: { deal: Deal; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const advance = useAdvanceDeal(deal.id);
  const next = deal.status === 'intro' ? 'due_diligence' : 'term_sheet';
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('investments.steps.advanceTitle')}>
      <Stack gap="md">
        <Text>
          {t('investments.steps.advanceText', { number: deal.number, status: t(`investments.dealStatus.${next}`) })}
        </Text>
        <ErrorAlert error={advance.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            data-autofocus
            loading={advance.isPending}
            onClick={() =>
              advance.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t('investments.steps.advanced'));
                  onClose();
                },
              })
            }
          >
            {t('investments.steps.advanceConfirm')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

function CloseDialog({ deal, opened, onClose }: { deal: Deal; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const closeDeal = useCloseDeal(deal.id);
  const today = moscowToday();
  const [amount, setAmount] = useState(kopecksToRubles(deal.amountKopecks));
  const [date, setDate] = useState(today);
  const [problems, setProblems] = useState<{ amount?: string; date?: string }>({});
  const server = closeDeal.error instanceof ApiError ? closeDeal.error.fields : {};
  const send = () => {
    const kopecks = rublesToKopecks(amount);
    const next: typeof problems = {};
    if (!kopecks || BigInt(kopecks) <= 0n) next.amount = t('investments.form.amountRequired');
    if (!isCalendarDate(date)) next.date = t('investments.form.dateInvalid');
    else if (date > today) next.date = t('investments.steps.dateFuture');
    setProblems(next);
    if (next.amount || next.date || !kopecks) return;
    closeDeal.mutate(
      { ...(kopecks !== deal.amountKopecks ? { amountKopecks: kopecks } : {}), date },
      {
        onSuccess: () => {
          notifySuccess(t('investments.steps.closed'));
          onClose();
        },
      },
    );
  };
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('investments.steps.closeTitle')}>
      <Stack gap="md">
        <Text>{t('investments.steps.closeText', { number: deal.number })}</Text>
        <ErrorAlert error={server.amountKopecks || server.date ? null : closeDeal.error} />
        <TextInput
          label={t('investments.steps.finalAmount')}
          description={t('investments.steps.finalAmountHint')}
          required
          inputMode="decimal"
          rightSection={<Text size="sm">₽</Text>}
          data-autofocus
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={problems.amount ?? server.amountKopecks}
          maw={320}
        />
        <TextInput
          label={t('investments.steps.closedOn')}
          type="date"
          required
          max={today}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={problems.date ?? server.date}
          maw={240}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="#1e6f36" loading={closeDeal.isPending} onClick={send}>
            {t('investments.steps.closeConfirm')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

function DropDialog({ deal, opened, onClose }: { deal: Deal; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const drop = useDropDeal(deal.id);
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('investments.steps.dropTitle')}
      text={t('investments.steps.dropText', { number: deal.number })}
      reasonLabel={t('investments.steps.dropReason')}
      reasonRequired={t('investments.steps.dropReasonRequired')}
      keepLabel={t('investments.steps.keep')}
      confirmLabel={t('investments.steps.dropConfirm')}
      pending={drop.isPending}
      error={drop.error}
      // a required reason is never left undefined
      onConfirm={(reason) =>
        drop.mutate(reason ?? '', {
          onSuccess: () => {
            notifySuccess(t('investments.steps.dropped'));
            onClose();
          },
        })
      }
    />
  );
}

/** «Следующий этап», «Закрыть сделку», «Прекратить» as the server allows them to the caller. */
export function DealSteps({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<StepDialog>(null);
  const allowed = deal.viewer.allowedEvents;
  if (allowed.length === 0) return null;
  const close = () => setDialog(null);
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {allowed.includes('advance') && (
          <Button onClick={() => setDialog('advance')} aria-haspopup="dialog">
            {t('investments.steps.advance')}
          </Button>
        )}
        {allowed.includes('close') && (
          <Button color="#1e6f36" onClick={() => setDialog('close')} aria-haspopup="dialog">
            {t('investments.steps.close')}
          </Button>
        )}
        {allowed.includes('drop') && (
          <Button variant="outline" color="#b02525" onClick={() => setDialog('drop')} aria-haspopup="dialog">
            {t('investments.steps.drop')}
          </Button>
        )}
      </Group>
      <AdvanceDialog key={`a-${dialog === 'advance'}`} deal={deal} opened={dialog === 'advance'} onClose={close} />
      <CloseDialog key={`c-${dialog === 'close'}`} deal={deal} opened={dialog === 'close'} onClose={close} />
      <DropDialog key={`d-${dialog === 'drop'}`} deal={deal} opened={dialog === 'drop'} onClose={close} />
    </Stack>
  );
}

export function DealTimeline({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  return (
    <StatusTimeline
      entries={deal.timeline.map((entry) => ({ ...entry, status: entry.toStatus }))}
      badge={(status) => <DealStatusBadge status={status} />}
      label={t('investments.deal.timeline')}
      commentLabel={t('investments.deal.comment')}
    />
  );
}
