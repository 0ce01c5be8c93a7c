// The operator's exports: every operator list and the dashboard's figures as CSV or XLSX.
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { ExportLists } from '../features/exports/components/ExportLists.tsx';
import { requireSignedIn } from './guards.ts';
import { OperatorOnly } from './operator-guard.tsx';
import { rootRoute } from './root.tsx';

function ExportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('exportsPage.title')} description={t('exportsPage.intro')} />
      <ExportLists />
    </>
  );
}

export const operatorExportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/exports',
  beforeLoad: requireSignedIn,
  component: () => (
    <OperatorOnly>
      <ExportsPage />
    </OperatorOnly>
  ),
});
