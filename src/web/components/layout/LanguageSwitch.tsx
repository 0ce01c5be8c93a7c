import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, switchLanguage } from '../../i18n/i18n.ts';

/** RU / EN buttons; the choice is remembered for the next visit and sent to the server as a cookie. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Group gap={0} role="group" aria-label={t('language.label')} wrap="nowrap">
      {LANGUAGES.map((language) => {
        const pressed = language === active;
        return (
          <Button
            key={language}
            size="compact-sm"
            variant={pressed ? 'filled' : 'default'}
            aria-pressed={pressed}
            lang={language}
            title={t(`language.${language}`)}
            onClick={() => void switchLanguage(language)}
            radius={0}
            styles={{ root: { minWidth: 40 } }}
          >
            {language.toUpperCase()}
          </Button>
        );
      })}
    </Group>
  );
}
