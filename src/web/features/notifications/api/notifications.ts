// My notifications: the latest ones with the unread count, and marking them read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';

export type NotificationItem = ApiAnswer<'/api/notifications', 'get'>['items'][number];

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 20 } } })),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => unwrap(api.POST('/api/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export type NotificationSettings = ApiAnswer<'/api/notifications/settings', 'get'>;

const settingsKey = ['notifications', 'settings'] as const;

export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => unwrap(api.GET('/api/notifications/settings')),
  });
}

/** Saves the channels of the given categories; the answer is the whole set, kept as the query's data. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<NotificationSettings['settings']>) =>
      unwrap(api.PUT('/api/notifications/settings', { body: { settings } })),
    onSuccess: (answer) => queryClient.setQueryData(settingsKey, answer),
  });
}
