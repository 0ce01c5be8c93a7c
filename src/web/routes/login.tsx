import { Anchor, Card, Stack, Text } from '@mantine/core';
import { createRoute, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { LoginForm } from '../features/auth/components/LoginForm.tsx';
import { safeRedirectTarget } from './guards.ts';
import { rootRoute } from './root.tsx';

export interface AuthSearch {
  redirect?: string;
}

export const validateAuthSearch = (search: Record<string, unknown>): AuthSearch => ({
  redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
});

function LoginPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { redirect } = loginRoute.useSearch();
  return (
    <Stack maw={440} mx="auto" gap="md">
      <PageHeader title={t('auth.signInTitle')} />
      <Card withBorder padding="lg">
        <LoginForm onSignedIn={() => router.history.push(safeRedirectTarget(redirect))} />
      </Card>
      <Text>
        {t('auth.noAccount')}{' '}
        <Anchor renderRoot={(props) => <Link {...props} to="/register" search={{ redirect }} />}>
          {t('auth.signUp')}
        </Anchor>
      </Text>
    </Stack>
  );
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: validateAuthSearch,
  component: LoginPage,
});
