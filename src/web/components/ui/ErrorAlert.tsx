import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';

interface ErrorAlertProps {
  error: unknown;
  /** Field messages no input shows (e.g. a field the form does not have). */
  extraMessages?: string[];
  title?: string;
  children?: ReactNode;
}

/** The server's message (already in the user's language) in an Alert that screen readers announce. */
export function ErrorAlert({ error, extraMessages = [], title, children }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />} title={title ?? t('errors.title')}>
      {message}
      {extraMessages.length > 0 && (
        <List size="sm" mt="xs">
          {extraMessages.map((text) => (
            <List.Item key={text}>{text}</List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}
