import { ActionIcon, Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { useMarkRead, useNotifications } from '../api/notifications.ts';

/** The bell with the unread count; a popover lists the latest notifications, each to mark read, and links to the settings. */
export function NotificationBell({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const notifications = useNotifications(signedIn);
  const markRead = useMarkRead();
  if (!signedIn) return null;
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  return (
    <Indicator disabled={unread === 0} label={unread > 99 ? '99+' : unread} size={18} color="#b02525" offset={4}>
      <Popover position="bottom-end" width={340} withinPortal shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('notifications.bell', { count: unread })}>
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={650}>{t('notifications.title')}</Text>
              {unread > 0 && (
                <Button
                  size="xs"
                  variant="subtle"
                  loading={markRead.isPending}
                  onClick={() => markRead.mutate(undefined)}
                >
                  {t('notifications.markAllRead')}
                </Button>
              )}
            </Group>
            {items.length === 0 ? (
              <Text size="sm">{t('notifications.empty')}</Text>
            ) : (
              <ScrollArea.Autosize mah={360}>
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {items.map((item) => (
                    <li key={item.id}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        {!item.readAt && (
                          <Badge size="xs" color="#1d4585" c="#ffffff">
                            {t('notifications.new')}
                          </Badge>
                        )}
                        <Stack gap={0}>
                          {item.link?.startsWith('/') ? (
                            <Anchor
                              renderRoot={(props) => <Link {...props} to={item.link ?? '/'} />}
                              size="sm"
                              fw={600}
                              onClick={() => !item.readAt && markRead.mutate([item.id])}
                            >
                              {item.title}
                            </Anchor>
                          ) : (
                            <Text size="sm" fw={600}>
                              {item.title}
                            </Text>
                          )}
                          <Text size="xs">{item.body}</Text>
                          <Group gap="xs" wrap="nowrap">
                            <Text size="xs" c="dimmed">
                              {formatDateTime(item.createdAt)}
                            </Text>
                            {!item.readAt && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                onClick={() => markRead.mutate([item.id])}
                                aria-label={t('notifications.markReadOf', { title: item.title })}
                              >
                                {t('notifications.markRead')}
                              </Button>
                            )}
                          </Group>
                        </Stack>
                      </Group>
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
            <Anchor renderRoot={(props) => <Link {...props} to="/settings/notifications" />} size="sm">
              {t('notificationSettings.openFromBell')}
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
