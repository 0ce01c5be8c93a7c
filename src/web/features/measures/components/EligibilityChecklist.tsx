import { Alert, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Eligibility } from '../api/measures.ts';

/** Each rule of the measure for the chosen organization: met or not, with the reason in words. */
export function EligibilityChecklist({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        color={eligibility.eligible ? 'green' : 'yellow'}
        role="status"
        title={t(eligibility.eligible ? 'measures.eligibleTitle' : 'measures.notEligibleTitle')}
      >
        {t(eligibility.eligible ? 'measures.eligibleText' : 'measures.notEligibleText')}
      </Alert>
      {eligibility.checks.length === 0 ? (
        <Text size="sm">{t('measures.noRules')}</Text>
      ) : (
        <List spacing="xs" aria-label={t('measures.checklist')}>
          {eligibility.checks.map((check) => (
            <List.Item
              key={check.rule}
              icon={
                <ThemeIcon size={22} radius="xl" color={check.met ? '#1e6f36' : '#b02525'} aria-hidden>
                  {check.met ? <IconCheck size={14} /> : <IconX size={14} />}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={600} span>
                {t(`enums.eligibilityRule.${check.rule}`)} — {t(check.met ? 'measures.met' : 'measures.notMet')}
              </Text>
              <Text size="sm">{check.reason}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
