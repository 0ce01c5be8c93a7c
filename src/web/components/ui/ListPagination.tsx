import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ListPaginationProps {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}

/** Page numbers of a list in a labelled nav landmark; hidden when everything fits on one page. */
export function ListPagination({ total, pageSize, page, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group component="nav" aria-label={t('pagination.label')} justify="center">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={1}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
        getItemProps={(item) => ({
          'aria-label': t('pagination.page', { page: item }),
          'aria-current': item === page ? 'page' : undefined,
        })}
      />
    </Group>
  );
}
