import { Anchor, Card, Stack, Text } from '@mantine/core';
import { createRoute, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { RegisterForm } from '../features/auth/components/RegisterForm.tsx';
import { safeRedirectTarget } from './guards.ts';
import { validateAuthSearch } from './login.tsx';
import { rootRoute } from './root.tsx';

function RegisterPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { redirect } = registerRoute.useSearch();
  return (
    <Stack maw={440} mx="auto" gap="md">
      <PageHeader title={t('auth.signUpTitle')} description={t('auth.signUpIntro')} />
      <Card withBorder padding="lg">
        <RegisterForm onSignedIn={() => router.history.push(safeRedirectTarget(redirect))} />
      </Card>
      <Text>
        {t('auth.haveAccount')}{' '}
        <Anchor renderRoot={(props) => <Link {...props} to="/login" search={{ redirect }} />}>
          {t('auth.signIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}

export const registerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/register',
  validateSearch: validateAuthSearch,
  component: RegisterPage,
});
