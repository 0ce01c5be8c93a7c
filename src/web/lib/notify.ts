import { notifications } from '@mantine/notifications';
import { t } from 'i18next';

/** A short confirmation in the corner; its close button is named in the interface language. */
export function notifySuccess(message: string) {
  notifications.show({
    color: 'green',
    message,
    autoClose: 6000,
    closeButtonProps: { 'aria-label': t('common.close') },
  });
}
