// The person's notification settings: how each category reaches them by e-mail.
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { NotificationSettingsForm } from '../features/notifications/components/NotificationSettingsForm.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

function NotificationSettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notificationSettings.title')} description={t('notificationSettings.intro')} />
      <NotificationSettingsForm />
    </>
  );
}

export const notificationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/notifications',
  beforeLoad: requireSignedIn,
  component: NotificationSettingsPage,
});
