import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { t as translate } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { splitFieldErrors } from '../../../lib/form-errors.ts';
import { useRegister } from '../api/session.ts';

const FIELDS = ['email', 'password', 'fullName'] as const;
const MIN_PASSWORD_LENGTH = 8;

export function RegisterForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const register = useRegister();
  const form = useForm({
    initialValues: { fullName: '', email: '', password: '' },
    validate: {
      fullName: (value) => (value.trim().length >= 2 ? null : translate('validation.fullName')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : translate('validation.email')),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH
          ? null
          : translate('validation.passwordLength', { count: MIN_PASSWORD_LENGTH }),
    },
  });
  const { unmatched } = splitFieldErrors(register.error, FIELDS);

  const submit = form.onSubmit((values) =>
    register.mutate(
      {
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: currentLanguage(),
      },
      {
        onSuccess: onSignedIn,
        onError: (error) => form.setErrors(splitFieldErrors(error, FIELDS).fieldErrors),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={register.error} extraMessages={unmatched} title={t('auth.signUpFailed')} />
        <TextInput label={t('auth.fullName')} autoComplete="name" required {...form.getInputProps('fullName')} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
          label={t('auth.password')}
          description={t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={register.isPending} fullWidth>
          {t('auth.signUp')}
        </Button>
      </Stack>
    </form>
  );
}
