// A submitted solution, read-only: what the customer side reads, and what the company sees once it has sent it.
import { Anchor, Box, Flex, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatKopecks } from '../../../lib/format.ts';
import { documentHref, type SolutionDetail } from '../api/solutions.ts';

function LongText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text.trim())
    return (
      <Text c="dimmed" size="sm">
        {t('solutions.view.notGiven')}
      </Text>
    );
  return <span style={{ whiteSpace: 'pre-line' }}>{text}</span>;
}

/** One term and its value: side by side on wide screens, the value under the term on a phone. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Flex
      direction={{ base: 'column', sm: 'row' }}
      gap={{ base: 2, sm: 'md' }}
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Box component="dt" fw={650} w={{ sm: '34%' }} style={{ flexShrink: 0, overflowWrap: 'anywhere' }}>
        {term}
      </Box>
      <Box component="dd" m={0} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </Flex>
  );
}

export function SolutionView({ solution }: { solution: SolutionDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Box component="dl" m={0}>
      <Fact term={t('solutions.form.summary')}>
        <LongText text={solution.summary} />
      </Fact>
      <Fact term={t('solutions.form.description')}>
        <LongText text={solution.description} />
      </Fact>
      <Fact term={t('solutions.form.novelty')}>
        <LongText text={solution.novelty} />
      </Fact>
      <Fact term={t('solutions.form.trl')}>{`${solution.trl} — ${t(`solutions.trl.${solution.trl}`)}`}</Fact>
      <Fact term={t('solutions.form.team')}>
        <List size="sm" spacing={2}>
          {solution.team.map((member) => (
            <List.Item key={`${member.name}-${member.role}`}>
              {member.name} — {member.role}
            </List.Item>
          ))}
        </List>
      </Fact>
      <Fact term={t('solutions.form.price')}>
        {solution.priceKopecks === null ? (
          <Text c="dimmed" size="sm">
            {t('solutions.view.notGiven')}
          </Text>
        ) : (
          formatKopecks(solution.priceKopecks, language)
        )}
      </Fact>
      <Fact term={t('solutions.form.pilotPlan')}>
        <LongText text={solution.pilotPlan} />
      </Fact>
      <Fact term={t('solutions.form.attachments')}>
        {solution.documents.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('solutions.view.noFiles')}
          </Text>
        ) : (
          solution.documents.map((document) => (
            <Anchor
              key={document.fileId}
              href={documentHref(solution.id, document.fileId)}
              target="_blank"
              rel="noopener"
              display="block"
            >
              {document.fileName}
            </Anchor>
          ))
        )}
      </Fact>
    </Box>
  );
}
