import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RequestTagsProps {
  scopes: readonly string[];
  technologies: readonly string[];
  problemTypes?: readonly string[];
}

/** Scopes, technologies and (on the request page) problem types as translated tags in one list. */
export function RequestTags({ scopes, technologies, problemTypes = [] }: RequestTagsProps) {
  const { t } = useTranslation();
  if (scopes.length + technologies.length + problemTypes.length === 0) return null;
  return (
    <Group gap={6} role="list" aria-label={t('requests.tags')}>
      {scopes.map((scope) => (
        <Badge key={`scope-${scope}`} variant="filled" color="#143466" c="#ffffff" size="sm" role="listitem">
          {t(`requests.scope.${scope}`)}
        </Badge>
      ))}
      {technologies.map((technology) => (
        <Badge key={`technology-${technology}`} variant="outline" color="klaster.8" size="sm" role="listitem">
          {t(`enums.technology.${technology}`)}
        </Badge>
      ))}
      {problemTypes.map((problem) => (
        <Badge key={`problem-${problem}`} variant="outline" color="gray.8" size="sm" role="listitem">
          {t(`requests.problemType.${problem}`)}
        </Badge>
      ))}
    </Group>
  );
}
