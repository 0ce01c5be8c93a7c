import { Alert, Button, Card, Group, Radio, Stack, Text } from '@mantine/core';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  type NotificationCategory,
  type NotificationChannel,
} from '../../../../shared/notification-categories.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../../../components/ui/LoadingBlock.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notifications.ts';

type Choices = Record<NotificationCategory, NotificationChannel>;

/** A choice of e-mail channel per category, saved together; the bell is not affected by any of it. */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (settings.data && !choices) setChoices(settings.data.settings as Choices);
  }, [settings.data, choices]);

  if (settings.isPending) return <LoadingBlock lines={6} />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!choices) return <LoadingBlock lines={6} />;

  const stored = settings.data.settings as Choices;
  const changed = NOTIFICATION_CATEGORIES.filter((category) => choices[category] !== stored[category]);
  const fieldErrors = isApiError(save.error) ? save.error.fields : {};

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate(Object.fromEntries(changed.map((category) => [category, choices[category]])), {
          onSuccess: (answer) => {
            setChoices(answer.settings as Choices);
            setSaved(true);
          },
        });
      }}
    >
      <Stack gap="md">
        <Alert color="klaster" icon={<IconBell aria-hidden />}>
          {t('notificationSettings.bellNote')}
        </Alert>
        <Text size="sm">{t('notificationSettings.digestNote', { hour: settings.data.digestHourMoscow })}</Text>
        <ErrorAlert error={save.error} />
        {NOTIFICATION_CATEGORIES.map((category) => (
          <Card key={category} withBorder padding="md">
            <Radio.Group
              name={`channel-${category}`}
              label={t(`notificationSettings.category.${category}.label`)}
              description={t(`notificationSettings.category.${category}.hint`)}
              value={choices[category]}
              error={fieldErrors[`settings.${category}`]}
              onChange={(value) => {
                setSaved(false);
                setChoices({ ...choices, [category]: value as NotificationChannel });
              }}
            >
              <Group gap="lg" mt="xs">
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <Radio
                    key={channel}
                    value={channel}
                    label={t(`notificationSettings.channel.${channel}`)}
                    data-testid={`channel-${category}-${channel}`}
                  />
                ))}
              </Group>
            </Radio.Group>
          </Card>
        ))}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={changed.length === 0}>
            {t('notificationSettings.save')}
          </Button>
          <Text size="sm" role="status" c="green.9" aria-live="polite">
            {saved && changed.length === 0 && (
              <Group gap={4} component="span">
                <IconCheck size={16} aria-hidden />
                {t('notificationSettings.saved')}
              </Group>
            )}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
