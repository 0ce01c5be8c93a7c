import { Button, Group, Menu, Stack, Text } from '@mantine/core';
import {
  IconBuildingSkyscraper,
  IconBulb,
  IconChartFunnel,
  IconChecklist,
  IconChevronDown,
  IconCoin,
  IconFileExport,
  IconListCheck,
  IconLogout,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isOperatorRole, useLogout, useSession } from '../api/session.ts';

function useSignOut() {
  const logout = useLogout();
  const navigate = useNavigate();
  return () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate({ to: '/' }),
    });
}

/** Signed in: a menu with the cabinet, the operator queue and sign-out; a guest: sign-in links. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user, isLoading } = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();

  if (isLoading) return null;
  if (!user) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to="/login" variant="subtle" size="sm">
          {t('auth.signIn')}
        </Button>
        <Button component={Link} to="/register" size="sm">
          {t('auth.signUp')}
        </Button>
      </Group>
    );
  }

  return (
    // no focus placeholder: its role=presentation inside role=menu fails axe while the menu closes
    <Menu position="bottom-end" width={260} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconUserCircle size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('auth.accountMenuFor', { name: user.fullName })}
        >
          {/* between the lg and xl breakpoints the Russian section names leave no room for it: the icon alone, the
              name still in the button's label */}
          <Text span size="sm" maw={120} truncate="end" visibleFrom="xl">
            {user.fullName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item
          leftSection={<IconBuildingSkyscraper size={16} aria-hidden />}
          onClick={() => navigate({ to: '/cabinet' })}
        >
          {t('nav.myOrganizations')}
        </Menu.Item>
        {isOperatorRole(user) && (
          <Menu.Item
            leftSection={<IconListCheck size={16} aria-hidden />}
            onClick={() => navigate({ to: '/operator/membership' })}
          >
            {t('nav.operatorQueue')}
          </Menu.Item>
        )}
        {isOperatorRole(user) && (
          <Menu.Item
            leftSection={<IconCoin size={16} aria-hidden />}
            onClick={() => navigate({ to: '/operator/applications' })}
          >
            {t('nav.supportApplications')}
          </Menu.Item>
        )}
        {isOperatorRole(user) && (
          <Menu.Item
            leftSection={<IconBulb size={16} aria-hidden />}
            onClick={() => navigate({ to: '/operator/requests' })}
          >
            {t('requestsOperator.navLink')}
          </Menu.Item>
        )}
        {isOperatorRole(user) && (
          <Menu.Item
            leftSection={<IconChartFunnel size={16} aria-hidden />}
            onClick={() => navigate({ to: '/operator/funnels' })}
          >
            {t('funnels.navLink')}
          </Menu.Item>
        )}
        {isOperatorRole(user) && (
          <Menu.Item
            leftSection={<IconFileExport size={16} aria-hidden />}
            onClick={() => navigate({ to: '/operator/exports' })}
          >
            {t('exportsPage.navLink')}
          </Menu.Item>
        )}
        {user.role === 'expert' && (
          <Menu.Item
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={() => navigate({ to: '/expert/reviews' })}
          >
            {t('nav.expertReviews')}
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={<IconSettings size={16} aria-hidden />}
          onClick={() => navigate({ to: '/settings/notifications' })}
        >
          {t('notificationSettings.navLink')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The account actions as a list, for the phone menu. */
export function AccountLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const signOut = useSignOut();

  if (!user) {
    return (
      <Stack gap="xs">
        <Button component={Link} to="/login" variant="default" onClick={onNavigate}>
          {t('auth.signIn')}
        </Button>
        <Button component={Link} to="/register" onClick={onNavigate}>
          {t('auth.signUp')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {user.fullName}
      </Text>
      <Link to="/cabinet" className="header-link" onClick={onNavigate}>
        {t('nav.myOrganizations')}
      </Link>
      {isOperatorRole(user) && (
        <Link to="/operator/membership" className="header-link" onClick={onNavigate}>
          {t('nav.operatorQueue')}
        </Link>
      )}
      {isOperatorRole(user) && (
        <Link to="/operator/applications" className="header-link" onClick={onNavigate}>
          {t('nav.supportApplications')}
        </Link>
      )}
      {isOperatorRole(user) && (
        <Link to="/operator/requests" className="header-link" onClick={onNavigate}>
          {t('requestsOperator.navLink')}
        </Link>
      )}
      {isOperatorRole(user) && (
        <Link to="/operator/funnels" className="header-link" onClick={onNavigate}>
          {t('funnels.navLink')}
        </Link>
      )}
      {isOperatorRole(user) && (
        <Link to="/operator/exports" className="header-link" onClick={onNavigate}>
          {t('exportsPage.navLink')}
        </Link>
      )}
      {user.role === 'expert' && (
        <Link to="/expert/reviews" className="header-link" onClick={onNavigate}>
          {t('nav.expertReviews')}
        </Link>
      )}
      <Link to="/settings/notifications" className="header-link" onClick={onNavigate}>
        {t('notificationSettings.navLink')}
      </Link>
      <Button
        variant="subtle"
        justify="flex-start"
        leftSection={<IconLogout size={16} aria-hidden />}
        onClick={() => {
          onNavigate();
          signOut();
        }}
      >
        {t('auth.signOut')}
      </Button>
    </Stack>
  );
}
