// The frame of every page: skip link, header with the sections, account and language, and the main area.
import { AppShell, Box, Burger, Divider, Drawer, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useRouterState } from '@tanstack/react-router';
import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export const SECTION_LINKS = [
  { to: '/registry', labelKey: 'nav.registry' },
  { to: '/measures', labelKey: 'nav.measures' },
  { to: '/requests', labelKey: 'nav.requests' },
  { to: '/projects', labelKey: 'nav.projects' },
  { to: '/investments', labelKey: 'nav.investments' },
  { to: '/figures', labelKey: 'nav.figures' },
] as const;

const MAIN_ID = 'main-content';

interface AppLayoutProps {
  /** The account menu (or sign-in links) for wide screens. */
  account: ReactNode;
  /** The notification bell, shown next to the account on every screen size. */
  notifications?: ReactNode;
  /** The same account actions as a plain list for the phone menu. */
  accountInDrawer: (close: () => void) => ReactNode;
  /** The search box: a field on wide screens, a button elsewhere, and the field again in the phone menu. */
  search?: { wide: ReactNode; compact: ReactNode; inDrawer: (close: () => void) => ReactNode };
  children: ReactNode;
}

function SectionLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return SECTION_LINKS.map((link) => (
    <Link key={link.to} to={link.to} className="header-link" onClick={onNavigate}>
      {t(link.labelKey)}
    </Link>
  ));
}

export function AppLayout({ account, notifications, accountInDrawer, search, children }: AppLayoutProps) {
  const { t } = useTranslation();
  const [drawerOpened, drawer] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // a new page starts at the top, and screen-reader and keyboard users continue from its content
  // rather than from a link that may no longer exist
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect exists to run on every change of page
  useEffect(() => {
    window.scrollTo(0, 0);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
  }, [pathname]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById(MAIN_ID);
    main?.focus();
    main?.scrollIntoView();
  };

  return (
    <>
      <a href={`#${MAIN_ID}`} className="skip-link" onClick={skipToContent}>
        {t('layout.skipToContent')}
      </a>
      <AppShell header={{ height: 64 }} padding={0}>
        <AppShell.Header withBorder>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="lg" wrap="nowrap">
              <Link to="/" className="logo-link" aria-label={t('layout.homeLink')}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <span>{t('app.name')}</span>
              </Link>
              <Box component="nav" aria-label={t('layout.mainNav')} visibleFrom="lg">
                <Group gap={2} wrap="nowrap">
                  <SectionLinks />
                </Group>
              </Box>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {search && (
                <>
                  <Box visibleFrom="xl">{search.wide}</Box>
                  <Box hiddenFrom="xl">{search.compact}</Box>
                </>
              )}
              {notifications}
              <Group gap="sm" wrap="nowrap" visibleFrom="lg">
                {account}
                <LanguageSwitch />
              </Group>
              <Burger
                hiddenFrom="lg"
                opened={drawerOpened}
                onClick={drawer.toggle}
                aria-label={t(drawerOpened ? 'layout.closeMenu' : 'layout.openMenu')}
                aria-expanded={drawerOpened}
                aria-controls="mobile-menu"
              />
            </Group>
          </Group>
        </AppShell.Header>
        <Drawer
          id="mobile-menu"
          opened={drawerOpened}
          onClose={drawer.close}
          title={t('layout.menu')}
          position="right"
          size="xs"
          hiddenFrom="lg"
          closeButtonProps={{ 'aria-label': t('layout.closeMenu') }}
        >
          <Stack gap="md">
            {search?.inDrawer(drawer.close)}
            <nav aria-label={t('layout.mobileNav')}>
              <Stack gap={4}>
                <SectionLinks onNavigate={drawer.close} />
              </Stack>
            </nav>
            <Divider />
            {accountInDrawer(drawer.close)}
            <Divider />
            <LanguageSwitch />
          </Stack>
        </Drawer>
        <AppShell.Main id={MAIN_ID} tabIndex={-1}>
          <Box maw={1200} mx="auto" px={{ base: 'sm', sm: 'lg' }} py={{ base: 'md', sm: 'xl' }}>
            {children}
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
