// What the customer's owners and managers and the operator may do with a request now (the server's
// `viewer.allowedEvents` says which): send to moderation, publish or return, close, cancel with a reason, sum up.
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../../../components/ui/LoadingBlock.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type InnovationRequest,
  useCancelRequest,
  useRequestStep,
  useResolveRequest,
  useReturnRequest,
  useWinnerCandidates,
} from '../api/requests.ts';

type Dialog = 'moderate' | 'publish' | 'close' | 'return' | 'cancel' | 'resolve' | null;

function DialogFrame({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {children}
    </Modal>
  );
}

/** A step that needs only a confirmation: moderate, publish, close. */
function ConfirmStep({
  request,
  step,
  opened,
  onClose,
}: {
  request: InnovationRequest;
  step: 'moderate' | 'publish' | 'close';
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useRequestStep(request.id, step);
  const { reset } = mutation;
  useEffect(() => {
    if (opened) reset();
  }, [opened, reset]);
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t(`requests.actions.${step}Title`)}>
      <Stack gap="md">
        <Text>{t(`requests.actions.${step}Text`, { number: request.number })}</Text>
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            data-autofocus
            loading={mutation.isPending}
            color={step === 'close' ? '#8a4b00' : undefined}
            onClick={() =>
              mutation.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t(`requests.actions.${step}Done`));
                  onClose();
                },
              })
            }
          >
            {t(`requests.actions.${step}Confirm`)}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

/** A step with a required text: the operator's return comment or the cancellation reason. */
function TextStep({
  request,
  step,
  opened,
  onClose,
}: {
  request: InnovationRequest;
  step: 'return' | 'cancel';
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const returning = useReturnRequest(request.id);
  const cancelling = useCancelRequest(request.id);
  const mutation = step === 'return' ? returning : cancelling;
  const field = step === 'return' ? 'comment' : 'reason';
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const { reset } = mutation;
  // each opening starts empty
  useEffect(() => {
    if (!opened) return;
    setText('');
    setMissing(false);
    reset();
  }, [opened, reset]);
  const serverError = mutation.error instanceof ApiError ? mutation.error.fields[field] : undefined;

  const confirm = () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    mutation.mutate(text.trim(), {
      onSuccess: () => {
        notifySuccess(t(`requests.actions.${step}Done`));
        onClose();
      },
    });
  };

  return (
    <DialogFrame opened={opened} onClose={onClose} title={t(`requests.actions.${step}Title`)}>
      <Stack gap="md">
        <Text>{t(`requests.actions.${step}Text`, { number: request.number })}</Text>
        <ErrorAlert error={serverError ? null : mutation.error} />
        <Textarea
          label={t(`requests.actions.${step}Field`)}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t(`requests.actions.${step}FieldRequired`) : serverError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {step === 'cancel' ? t('requests.actions.keep') : t('common.cancel')}
          </Button>
          <Button color={step === 'cancel' ? '#b02525' : undefined} loading={mutation.isPending} onClick={confirm}>
            {t(`requests.actions.${step}Confirm`)}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

/** The customer names the winners among the shortlisted (piloted, contracted) solutions. */
function ResolveStep({
  request,
  opened,
  onClose,
}: {
  request: InnovationRequest;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const candidates = useWinnerCandidates(request.id, opened);
  const resolve = useResolveRequest(request.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const { reset } = resolve;
  useEffect(() => {
    if (!opened) return;
    setChosen([]);
    setMissing(false);
    reset();
  }, [opened, reset]);
  const items = candidates.data?.items ?? [];

  const confirm = () => {
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    resolve.mutate(chosen, {
      onSuccess: () => {
        notifySuccess(t('requests.actions.resolveDone'));
        onClose();
      },
    });
  };

  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('requests.actions.resolveTitle')}>
      <Stack gap="md">
        <Text>{t('requests.actions.resolveText', { number: request.number })}</Text>
        <ErrorAlert error={candidates.error ?? resolve.error} />
        {candidates.isFetching && !candidates.data && <LoadingBlock lines={3} />}
        {candidates.isSuccess && items.length === 0 && <Text fw={600}>{t('requests.actions.resolveNone')}</Text>}
        {items.length > 0 && (
          <Checkbox.Group
            label={t('requests.actions.resolveField')}
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setMissing(false);
            }}
            error={missing ? t('requests.actions.resolveFieldRequired') : undefined}
            withAsterisk
          >
            <Stack gap="xs" mt="xs">
              {items.map((solution, index) => (
                <Checkbox
                  key={solution.id}
                  value={solution.id}
                  data-autofocus={index === 0 ? true : undefined}
                  label={`${solution.number} · ${solution.organizationName}`}
                  description={
                    solution.scoreAverage === null
                      ? solution.summary
                      : `${t('requests.actions.resolveScore', { score: Math.round(solution.scoreAverage) })} · ${solution.summary}`
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={resolve.isPending} onClick={confirm} disabled={items.length === 0}>
            {t('requests.actions.resolveConfirm')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

/** The action buttons; nothing when the caller may do nothing with the request. */
export function RequestActions({ request }: { request: InnovationRequest }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const allowed = request.viewer.allowedEvents;
  const close = () => setDialog(null);
  const open = (event: Exclude<Dialog, null>) => setDialog(event);
  if (!request.viewer.canEdit && allowed.length === 0) return null;

  const button = (event: Exclude<Dialog, null>, variant: 'filled' | 'default' | 'outline', color?: string) =>
    allowed.includes(event) && (
      <Button variant={variant} color={color} onClick={() => open(event)} aria-haspopup="dialog">
        {t(`requests.actions.${event}`)}
      </Button>
    );

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {request.viewer.canEdit && (
          <Button
            variant="default"
            renderRoot={(props) => <Link {...props} to="/requests/$id/edit" params={{ id: request.id }} />}
          >
            {t('requests.actions.edit')}
          </Button>
        )}
        {button('moderate', 'filled')}
        {button('publish', 'filled')}
        {button('return', 'outline')}
        {button('resolve', 'filled')}
        {button('close', 'outline', '#8a4b00')}
        {button('cancel', 'outline', '#b02525')}
      </Group>
      {/* each dialog stays mounted, so focus returns to its button when it closes; opening it clears it */}
      {(['moderate', 'publish', 'close'] as const).map(
        (step) =>
          allowed.includes(step) && (
            <ConfirmStep key={step} request={request} step={step} opened={dialog === step} onClose={close} />
          ),
      )}
      {(['return', 'cancel'] as const).map(
        (step) =>
          allowed.includes(step) && (
            <TextStep key={step} request={request} step={step} opened={dialog === step} onClose={close} />
          ),
      )}
      {allowed.includes('resolve') && <ResolveStep request={request} opened={dialog === 'resolve'} onClose={close} />}
    </Stack>
  );
}
