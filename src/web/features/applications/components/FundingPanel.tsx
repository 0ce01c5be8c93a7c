// After approval: the agreement step, the tranches paid and the reports with their KPIs.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../../shared/measures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate, formatKopecks, formatNumber } from '../../../lib/format.ts';
import { rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type SupportApplication, useApplicationStep, useFileReport, useReviewReport } from '../api/applications.ts';

const REPORT_STYLE: Record<ReportStatus, { bg: string; fg: string }> = {
  due: { bg: '#8a4b00', fg: '#ffffff' },
  submitted: { bg: '#1d4585', fg: '#ffffff' },
  accepted: { bg: '#1e6f36', fg: '#ffffff' },
  returned: { bg: '#b02525', fg: '#ffffff' },
};

export function AgreementStep({ application }: { application: SupportApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const sign = useApplicationStep(application.id, 'agreement');
  const [confirming, setConfirming] = useState(false);
  if (!application.allowedEvents.includes('sign_agreement')) return null;
  return (
    <Alert color="green" title={t('applications.agreementTitle')}>
      <Stack gap="sm">
        <Text size="sm">
          {t('applications.agreementText', {
            amount: formatKopecks(application.approvedAmountKopecks ?? application.requestedAmountKopecks, language),
          })}
        </Text>
        <ErrorAlert error={sign.error} />
        <Group>
          <Button onClick={() => setConfirming(true)} aria-haspopup="dialog">
            {t('applications.signAgreement')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('applications.signAgreement')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('applications.signConfirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              data-autofocus
              loading={sign.isPending}
              onClick={() =>
                sign.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    notifySuccess(t('applications.agreementSigned'));
                  },
                  onError: () => setConfirming(false),
                })
              }
            >
              {t('applications.confirmSign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}

export function TranchesTable({ application }: { application: SupportApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('applications.tranches')}
      </Title>
      <Text size="sm">
        {t('applications.paidOfApproved', {
          paid: formatKopecks(application.paidKopecks, language),
          approved: formatKopecks(application.approvedAmountKopecks ?? '0', language),
        })}
      </Text>
      {application.tranches.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('applications.noTranches')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label={t('applications.tranches')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('applications.paidOn')}</Table.Th>
                <Table.Th scope="col">{t('applications.amount')}</Table.Th>
                <Table.Th scope="col">{t('applications.milestone')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {application.tranches.map((tranche) => (
                <Table.Tr key={tranche.id}>
                  <Table.Td>{formatDate(tranche.paidAt)}</Table.Td>
                  <Table.Td>{formatKopecks(tranche.amountKopecks, language)}</Table.Td>
                  <Table.Td>{tranche.milestone}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

type Report = SupportApplication['reports'][number];

function ReportDialog({
  application,
  report,
  onClose,
}: {
  application: SupportApplication;
  report: Report | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const file = useFileReport(application.id);
  const [values, setValues] = useState({ revenue: '', jobs: '', exports: '', products: '', comment: '' });
  const [localError, setLocalError] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) =>
    setValues((previous) => ({ ...previous, [key]: event.currentTarget.value }));

  const send = () => {
    if (!report) return;
    const revenue = rublesToKopecks(values.revenue);
    const exportsKopecks = rublesToKopecks(values.exports);
    const jobs = values.jobs.trim() ? Number(values.jobs) : undefined;
    const products = values.products.trim() ? Number(values.products) : undefined;
    if (
      revenue === null ||
      exportsKopecks === null ||
      (jobs !== undefined && !Number.isInteger(jobs)) ||
      (products !== undefined && !Number.isInteger(products))
    ) {
      setLocalError(t('applications.valueInvalid'));
      return;
    }
    setLocalError(null);
    file.mutate(
      {
        reportId: report.id,
        kpis: {
          revenueKopecks: revenue || undefined,
          exportsKopecks: exportsKopecks || undefined,
          jobs,
          products,
        },
        comment: values.comment.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t('applications.reportFiled'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={report !== null}
      onClose={onClose}
      title={t('applications.fileReport')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <ErrorAlert error={file.error} />
        {localError && (
          <Text c="#b02525" role="alert">
            {localError}
          </Text>
        )}
        <TextInput
          label={t('applications.kpiRevenue')}
          inputMode="decimal"
          value={values.revenue}
          onChange={set('revenue')}
          data-autofocus
        />
        <TextInput label={t('applications.kpiJobs')} inputMode="numeric" value={values.jobs} onChange={set('jobs')} />
        <TextInput
          label={t('applications.kpiExports')}
          inputMode="decimal"
          value={values.exports}
          onChange={set('exports')}
        />
        <TextInput
          label={t('applications.kpiProducts')}
          inputMode="numeric"
          value={values.products}
          onChange={set('products')}
        />
        <Textarea
          label={t('applications.comment')}
          autosize
          minRows={2}
          maxLength={2000}
          value={values.comment}
          onChange={set('comment')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} loading={file.isPending}>
            {t('applications.sendReport')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The KPIs a filed report states, one per line; a dash when none were given. */
function ReportKpis({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const kpis = report.kpis;
  if (!kpis) return <>—</>;
  const lines = [
    kpis.revenueKopecks !== undefined &&
      `${t('applications.kpiRevenueShort')}: ${formatKopecks(kpis.revenueKopecks, language)}`,
    kpis.jobs !== undefined && `${t('applications.kpiJobs')}: ${formatNumber(kpis.jobs, language)}`,
    kpis.exportsKopecks !== undefined &&
      `${t('applications.kpiExportsShort')}: ${formatKopecks(kpis.exportsKopecks, language)}`,
    kpis.products !== undefined && `${t('applications.kpiProducts')}: ${formatNumber(kpis.products, language)}`,
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0 && !report.comment) return <>—</>;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      {report.comment && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {report.comment}
        </Text>
      )}
    </Stack>
  );
}

type ReportDecision = { report: Report; accept: boolean } | null;

/** The operator's step on a filed report: accept it (irreversible, so confirmed) or return it with a comment. */
function ReportReviewDialog({
  application,
  decision,
  onClose,
}: {
  application: SupportApplication;
  decision: ReportDecision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const review = useReviewReport(application.id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const accept = decision?.accept ?? false;
  const send = () => {
    if (!decision) return;
    if (!accept && !comment.trim()) return setMissing(true);
    setMissing(false);
    review.mutate(
      accept
        ? { reportId: decision.report.id, accept: true }
        : { reportId: decision.report.id, accept: false, comment: comment.trim() },
      {
        onSuccess: () => {
          notifySuccess(t(accept ? 'applications.reportAccepted' : 'applications.reportReturned'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={decision !== null}
      onClose={onClose}
      title={t(accept ? 'applications.acceptReportTitle' : 'applications.returnReportTitle', {
        sequence: decision?.report.sequence ?? '',
      })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {accept && <Text>{t('applications.acceptReportText')}</Text>}
        <ErrorAlert error={review.error} />
        {!accept && (
          <Textarea
            label={t('applications.returnReportComment')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={
              missing
                ? t('applications.returnReportCommentRequired')
                : review.error instanceof ApiError
                  ? review.error.fields.comment
                  : undefined
            }
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={accept ? '#1e6f36' : '#8a4b00'}
            loading={review.isPending}
            onClick={send}
            data-autofocus={accept || undefined}
          >
            {t(accept ? 'applications.confirmAcceptReport' : 'applications.confirmReturnReport')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReportsTable({
  application,
  canFile,
  canReview = false,
}: {
  application: SupportApplication;
  canFile: boolean;
  /** the operator accepts or returns filed reports */
  canReview?: boolean;
}) {
  const { t } = useTranslation();
  const [filing, setFiling] = useState<Report | null>(null);
  const [deciding, setDeciding] = useState<ReportDecision>(null);
  if (application.reports.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('applications.reports')}
      </Title>
      <Table.ScrollContainer minWidth={360}>
        <Table aria-label={t('applications.reports')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">№</Table.Th>
              <Table.Th scope="col">{t('applications.dueOn')}</Table.Th>
              <Table.Th scope="col">{t('applications.status')}</Table.Th>
              <Table.Th scope="col">{t('applications.reportKpis')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('applications.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {application.reports.map((report) => (
              <Table.Tr key={report.id}>
                <Table.Td>{report.sequence}</Table.Td>
                <Table.Td>{formatDate(report.dueOn)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {/* a badge would shrink to an ellipsis beside the long figures column; keep its text whole */}
                    <Badge color={REPORT_STYLE[report.status].bg} c={REPORT_STYLE[report.status].fg} miw="max-content">
                      {t(`enums.reportStatus.${report.status}`)}
                    </Badge>
                    {report.overdue && (
                      <Badge variant="outline" color="#b02525" c="#b02525" miw="max-content">
                        {t('applications.overdue')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ReportKpis report={report} />
                </Table.Td>
                <Table.Td>
                  {canFile && (report.status === 'due' || report.status === 'returned') && (
                    <Button size="xs" variant="default" onClick={() => setFiling(report)} aria-haspopup="dialog">
                      {t('applications.fileReport')}
                    </Button>
                  )}
                  {canReview && report.status === 'submitted' && (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        color="#1e6f36"
                        onClick={() => setDeciding({ report, accept: true })}
                        aria-haspopup="dialog"
                        aria-label={t('applications.acceptReportLabel', { sequence: report.sequence })}
                      >
                        {t('applications.acceptReport')}
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="#8a4b00"
                        onClick={() => setDeciding({ report, accept: false })}
                        aria-haspopup="dialog"
                        aria-label={t('applications.returnReportLabel', { sequence: report.sequence })}
                      >
                        {t('applications.returnReport')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReportDialog application={application} report={filing} onClose={() => setFiling(null)} />
      <ReportReviewDialog
        key={deciding ? `${deciding.report.id}-${deciding.accept}` : 'closed'}
        application={application}
        decision={deciding}
        onClose={() => setDeciding(null)}
      />
    </Stack>
  );
}
