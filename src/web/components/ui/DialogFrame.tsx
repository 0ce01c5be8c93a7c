// The dialogs of record pages: a modal whose close button speaks the user's language, and the common one that asks
// for a reason before an irreversible step (drop a deal, cancel a project, withdraw an application or a solution).
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function DialogFrame({
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

interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: string;
  /** the reason field's label, and what it says when left empty; without that message the reason is optional */
  reasonLabel: string;
  reasonRequired?: string;
  keepLabel: string;
  confirmLabel: string;
  /** the step's mutation state: running, and its error (the API's `reason` field problem shows under the field) */
  pending: boolean;
  error: unknown;
  /** the reason trimmed; undefined only when it is optional and was left empty */
  onConfirm: (reason: string | undefined) => void;
}

/** Asks for the reason of an irreversible step; confirm sends it trimmed (a required one never empty). */
export function ReasonDialog(props: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const serverProblem = props.error instanceof ApiError ? props.error.fields.reason : undefined;
  return (
    <DialogFrame opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack gap="md">
        <Text>{props.text}</Text>
        <ErrorAlert error={serverProblem ? null : props.error} />
        <Textarea
          label={props.reasonLabel}
          required={props.reasonRequired !== undefined}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? props.reasonRequired : serverProblem}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {props.keepLabel}
          </Button>
          <Button
            color="#b02525"
            loading={props.pending}
            onClick={() =>
              reason.trim() || props.reasonRequired === undefined
                ? props.onConfirm(reason.trim() || undefined)
                : setMissing(true)
            }
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}
