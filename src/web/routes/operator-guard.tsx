import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { isOperatorRole, useSession } from '../features/auth/api/session.ts';

/** Operator pages show a plain explanation to signed-in people without the operator role. */
export function OperatorOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (isOperatorRole(user)) return children;
  return (
    <Stack maw={720}>
      <PageHeader title={t('operator.forbiddenTitle')} />
      <Alert color="red">{t('operator.forbiddenText')}</Alert>
    </Stack>
  );
}
