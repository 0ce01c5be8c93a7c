import { Anchor, Badge, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks, formatNumber } from '../../../lib/format.ts';
import { isFullOrganization, type OrganizationView } from '../api/organizations.ts';

/** The organization's data as read-only lists: requisites, activity, what it offers. */
export function OrganizationProfile({ organization }: { organization: OrganizationView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const legalEntity = organization.legalType === 'legal_entity';
  const dash = '—';

  const item = (label: string, value: ReactNode) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value || dash}</DataList.ItemValue>
    </DataList.Item>
  );

  return (
    <Stack gap="lg">
      {organization.description && (
        <Text size="md" style={{ whiteSpace: 'pre-line' }}>
          {organization.description}
        </Text>
      )}
      {organization.technologies.length > 0 && (
        <Group gap="xs" aria-label={t('organization.technologies')} role="list">
          {organization.technologies.map((technology) => (
            <Badge key={technology} variant="outline" color="klaster.8" role="listitem">
              {t(`enums.technology.${technology}`)}
            </Badge>
          ))}
        </Group>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('organizationForm.requisites')}
        </Title>
        <DataList labelWidth="14rem" withDivider>
          {item(t('organization.fullName'), organization.fullName)}
          {item(t('organization.legalType'), t(`enums.legalType.${organization.legalType}`))}
          {item(t('organization.inn'), organization.inn)}
          {item(t(legalEntity ? 'organization.ogrn' : 'organization.ogrnip'), organization.ogrn)}
          {legalEntity && item(t('organization.kpp'), organization.kpp)}
          {item(t('organization.regionCode'), organization.regionCode)}
          {item(t('organization.district'), organization.district)}
          {item(t('organization.address'), organization.address)}
          {item(t('organization.foundedOn'), formatDate(organization.foundedOn))}
        </DataList>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('organizationForm.activity')}
        </Title>
        <DataList labelWidth="14rem" withDivider>
          {item(
            t('organization.okvedMain'),
            `${organization.okvedMain} · ${t(`enums.okvedSection.${organization.okvedSection}`)}`,
          )}
          {item(t('organization.smeCategory'), t(`enums.smeCategory.${organization.smeCategory}`))}
          {item(
            t('organization.employees'),
            organization.employees === null ? null : formatNumber(organization.employees, language),
          )}
          {isFullOrganization(organization) &&
            item(
              t('organization.annualRevenue'),
              organization.annualRevenueKopecks === null
                ? null
                : formatKopecks(organization.annualRevenueKopecks, language),
            )}
          {item(
            t('organization.isStartup'),
            organization.isStartup
              ? `${t('common.yes')}${organization.startupStage ? ` · ${t(`enums.startupStage.${organization.startupStage}`)}` : ''}`
              : t('common.no'),
          )}
          {item(t('organization.isExporter'), organization.isExporter ? t('common.yes') : t('common.no'))}
          {item(
            t('organization.capabilities'),
            organization.capabilities.map((capability) => t(`enums.capability.${capability}`)).join(', '),
          )}
          {item(
            t('organization.website'),
            organization.website && (
              <Anchor href={organization.website} target="_blank" rel="noopener noreferrer">
                {organization.website}
              </Anchor>
            ),
          )}
        </DataList>
      </Paper>
    </Stack>
  );
}
