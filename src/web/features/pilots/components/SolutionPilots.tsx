// On a solution's page: the pilots proposed for it, and for a shortlisted solution the customer's next step —
// propose a pilot on a site, or sign the contract straight away when no pilot is needed.
import { Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useSolutionPilots } from '../api/pilots.ts';
import { ContractDialog } from './ContractDialog.tsx';
import { PilotStatusBadge } from './PilotStatusBadge.tsx';
import { ProposePilotDialog } from './ProposePilotDialog.tsx';
import { OPEN_PILOT_STATUSES } from './pilot-statuses.ts';

interface SolutionPilotsProps {
  solution: { id: string; number: string; trl: number; pilotPlan: string; status: string };
  /** the customer's owners and managers propose pilots and record contracts */
  canAct: boolean;
  /** in a bordered box of its own (nothing at all is shown while there is nothing to show) */
  framed?: boolean;
}

export function SolutionPilots({ solution, canAct, framed = false }: SolutionPilotsProps) {
  const { t } = useTranslation();
  const pilots = useSolutionPilots(solution.id);
  const [dialog, setDialog] = useState<'propose' | 'contract' | null>(null);
  const items = pilots.data ?? [];
  const open = items.find((pilot) => OPEN_PILOT_STATUSES.includes(pilot.status));
  const shortlisted = solution.status === 'shortlisted';
  const showActions = canAct && shortlisted && !open && pilots.isSuccess;

  if (items.length === 0 && !showActions) return null;
  const content = (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('pilots.ofSolution.title')}
      </Title>
      <ErrorAlert error={pilots.error} />
      {items.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((pilot) => (
            <Card key={pilot.id} withBorder padding="sm" component="li">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Link to="/pilots/$id" params={{ id: pilot.id }} className="card-title-link">
                    {t('pilots.numbered', { number: pilot.number })}
                  </Link>
                  <Text size="sm">
                    {pilot.siteName} · {formatDate(pilot.startsOn)} — {formatDate(pilot.endsOn)}
                  </Text>
                </Stack>
                <PilotStatusBadge status={pilot.status} />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {canAct && shortlisted && open && (
        <Text size="sm" c="dimmed">
          {t('pilots.ofSolution.openPilot')}
        </Text>
      )}
      {showActions && (
        <>
          <Text size="sm">{t('pilots.ofSolution.nextStep')}</Text>
          <Group gap="sm">
            <Button onClick={() => setDialog('propose')} aria-haspopup="dialog">
              {t('pilots.ofSolution.propose')}
            </Button>
            <Button variant="outline" color="#1e6f36" onClick={() => setDialog('contract')} aria-haspopup="dialog">
              {t('pilots.ofSolution.contract')}
            </Button>
          </Group>
        </>
      )}
      <ProposePilotDialog
        key={`p-${dialog === 'propose'}`}
        solution={solution}
        opened={dialog === 'propose'}
        onClose={() => setDialog(null)}
      />
      <ContractDialog
        key={`c-${dialog === 'contract'}`}
        target={{ solutionId: solution.id }}
        opened={dialog === 'contract'}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
  return framed ? (
    <Paper withBorder p="md">
      {content}
    </Paper>
  ) : (
    content
  );
}
