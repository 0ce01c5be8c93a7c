// The organization's integrations, for its owners: API tokens (issued with scopes, shown once, revoked) and webhooks
// (added with the events they want, the secret shown once, paused, deleted) with their delivery log.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_SCOPE_MODULE_NAMES, type TokenScope, WEBHOOK_EVENT_FAMILIES } from '../../../../shared/integrations.ts';
import { DataTable } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { LoadingBlock } from '../../../components/ui/LoadingBlock.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type ApiToken,
  DELIVERIES_PAGE_SIZE,
  useCreateToken,
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useRedeliver,
  useRevokeToken,
  useToggleWebhook,
  useTokens,
  useWebhooks,
  type Webhook,
} from '../api/integrations.ts';

const DAY_MS = 24 * 3600 * 1000;
const EXPIRY_CHOICES = ['never', '30', '90', '365'] as const;
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];
const DANGER = '#b02525';
// filled colours with at least 4.5:1 contrast for their text; the text names the state
const TONES = {
  ok: { bg: '#1e6f36', fg: '#ffffff' },
  off: { bg: '#495057', fg: '#ffffff' },
  wait: { bg: '#ffd43b', fg: '#212529' },
  bad: { bg: '#b02525', fg: '#ffffff' },
} as const;
type Tone = keyof typeof TONES;
const TOKEN_STATE_TONES = { active: 'ok', revoked: 'off', expired: 'off' } as const satisfies Record<string, Tone>;
const DELIVERY_TONES = { pending: 'wait', delivered: 'ok', failed: 'bad' } as const satisfies Record<string, Tone>;

function StateBadge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <Badge variant="filled" color={TONES[tone].bg} c={TONES[tone].fg}>
      {children}
    </Badge>
  );
}

/** A secret shown once: selectable text, a copy button and the warning that it will not be shown again. */
function ShownOnce({
  title,
  warning,
  value,
  onDone,
}: {
  title: string;
  warning: string;
  value: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={title} role="status">
      <Stack gap="sm">
        <Text size="sm">{warning}</Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="shown-once">
          {value}
        </Code>
        <Group gap="sm">
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
              >
                {copied ? t('integrations.copied') : t('integrations.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="subtle" onClick={onDone}>
            {t('integrations.savedIt')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** A yes/no question before something that cannot be undone. */
function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  text: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{props.text}</Text>
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={DANGER} loading={props.pending} onClick={props.onConfirm}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function tokenState(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

function CreateTokenForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const create = useCreateToken(organizationId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [expiry, setExpiry] = useState<ExpiryChoice>('never');
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldError = (field: string) => (create.error instanceof ApiError ? create.error.fields[field] : undefined);

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('validation.required'));
    if (scopes.length === 0) return setProblem(t('integrations.tokens.scopesRequired'));
    setProblem(null);
    create.mutate(
      {
        organizationId,
        name: name.trim(),
        scopes,
        expiresAt: expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * DAY_MS).toISOString(),
      },
      {
        onSuccess: (created) => {
          setShown(created.token);
          setName('');
          setScopes([]);
          setExpiry('never');
        },
      },
    );
  };

  if (shown) {
    return (
      <ShownOnce
        title={t('integrations.tokens.createdTitle')}
        warning={t('integrations.tokens.createdWarning')}
        value={shown}
        onDone={() => setShown(null)}
      />
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('integrations.tokens.createTitle')}
          </Title>
          <ErrorAlert error={create.error} />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('integrations.tokens.name')}
              description={t('integrations.tokens.nameHint')}
              required
              maxLength={100}
              miw={260}
              style={{ flex: 1 }}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError('name') ?? (problem && !name.trim() ? problem : undefined)}
            />
            <Select
              label={t('integrations.tokens.expiry')}
              data={EXPIRY_CHOICES.map((value) => ({ value, label: t(`integrations.tokens.expiryChoice.${value}`) }))}
              allowDeselect={false}
              w={200}
              value={expiry}
              onChange={(value) => setExpiry((value as ExpiryChoice) ?? 'never')}
            />
          </Group>
          <Table.ScrollContainer minWidth={360}>
            <Table striped aria-describedby="token-scopes-hint">
              <caption id="token-scopes-hint" style={{ captionSide: 'top', textAlign: 'left' }}>
                <Text size="sm" fw={600}>
                  {t('integrations.tokens.scopes')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('integrations.tokens.scopesHint')}
                </Text>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('integrations.tokens.module')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.tokens.read')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.tokens.write')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {TOKEN_SCOPE_MODULE_NAMES.map((module) => (
                  <Table.Tr key={module}>
                    <Table.Th scope="row" fw={400}>
                      {t(`integrations.modules.${module}`)}
                    </Table.Th>
                    {(['read', 'write'] as const).map((access) => {
                      const scope: TokenScope = `${module}:${access}`;
                      return (
                        <Table.Td key={access}>
                          <Checkbox
                            aria-label={`${t(`integrations.modules.${module}`)}: ${t(`integrations.tokens.${access}`)}`}
                            checked={scopes.includes(scope)}
                            onChange={(e) => toggle(scope, e.currentTarget.checked)}
                          />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {problem && scopes.length === 0 && name.trim() && (
            <Text c="red.8" size="sm" role="alert">
              {problem}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('integrations.tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TokensSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const tokens = useTokens(organizationId);
  const revoke = useRevokeToken(organizationId);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('integrations.tokens.title')}
      </Title>
      <Text size="sm">{t('integrations.tokens.intro')}</Text>
      {tokens.isPending ? (
        <LoadingBlock />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} />
      ) : tokens.data.items.length === 0 ? (
        <Text c="dimmed">{t('integrations.tokens.none')}</Text>
      ) : (
        <DataTable
          columns={[
            t('integrations.tokens.name'),
            t('integrations.tokens.prefix'),
            t('integrations.tokens.scopes'),
            t('integrations.created'),
            t('integrations.tokens.lastUsed'),
            t('integrations.state'),
            { label: t('integrations.actions'), hidden: true },
          ]}
          minWidth={720}
          items={tokens.data.items}
          renderRow={(token) => {
            const state = tokenState(token);
            return (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} variant="outline" color="klaster.8" tt="none">
                        {scope}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {formatDateTime(token.createdAt)}
                  <Text size="xs" c="dimmed">
                    {token.createdBy.fullName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('integrations.tokens.never')}
                </Table.Td>
                <Table.Td>
                  <StateBadge tone={TOKEN_STATE_TONES[state]}>{t(`integrations.tokens.state.${state}`)}</StateBadge>
                </Table.Td>
                <Table.Td>
                  {state !== 'revoked' && (
                    <Button
                      size="xs"
                      variant="outline"
                      color={DANGER}
                      aria-haspopup="dialog"
                      aria-label={t('integrations.tokens.revokeNamed', { name: token.name })}
                      onClick={() => {
                        revoke.reset();
                        setToRevoke(token);
                      }}
                    >
                      {t('integrations.tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          }}
        />
      )}
      <CreateTokenForm organizationId={organizationId} />
      <ConfirmDialog
        opened={toRevoke !== null}
        title={t('integrations.tokens.revokeTitle')}
        text={t('integrations.tokens.revokeText', { name: toRevoke?.name ?? '' })}
        confirm={t('integrations.tokens.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => setToRevoke(null)}
        onConfirm={() =>
          toRevoke &&
          revoke.mutate(toRevoke.id, {
            onSuccess: () => {
              notifySuccess(t('integrations.tokens.revoked', { name: toRevoke.name }));
              setToRevoke(null);
            },
          })
        }
      />
    </Stack>
  );
}

function CreateWebhookForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const create = useCreateWebhook(organizationId);
  const [url, setUrl] = useState('');
  const [families, setFamilies] = useState<string[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const urlError = create.error instanceof ApiError ? create.error.fields.url : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) return setProblem(t('integrations.webhooks.urlInvalid'));
    setProblem(null);
    create.mutate(
      { url: url.trim(), events: families.map((family) => `${family}.*`) },
      {
        onSuccess: (created) => {
          setShown(created.secret);
          setUrl('');
          setFamilies([]);
        },
      },
    );
  };

  if (shown) {
    return (
      <ShownOnce
        title={t('integrations.webhooks.createdTitle')}
        warning={t('integrations.webhooks.createdWarning')}
        value={shown}
        onDone={() => setShown(null)}
      />
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('integrations.webhooks.createTitle')}
          </Title>
          <ErrorAlert error={create.error && !urlError ? create.error : null} />
          <TextInput
            label={t('integrations.webhooks.url')}
            description={t('integrations.webhooks.urlHint')}
            placeholder="https://"
            type="url"
            required
            maxLength={2000}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={problem ?? urlError}
          />
          <Checkbox.Group
            label={t('integrations.webhooks.events')}
            description={t('integrations.webhooks.eventsHint')}
            value={families}
            onChange={setFamilies}
          >
            <Group gap="md" mt="xs">
              {WEBHOOK_EVENT_FAMILIES.map((family) => (
                <Checkbox key={family} value={family} label={t(`integrations.eventFamilies.${family}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('integrations.webhooks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function eventsLabel(events: string[], t: (key: string) => string) {
  if (events.length === 0) return t('integrations.webhooks.allEvents');
  return events
    .map((pattern) => {
      const [family, kind] = pattern.split('.');
      return kind === '*' ? t(`integrations.eventFamilies.${family}`) : pattern;
    })
    .join(', ');
}

function DeliveryLog({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(organizationId, page);
  const redeliver = useRedeliver(organizationId);
  if (deliveries.isPending) return <LoadingBlock />;
  if (deliveries.isError) return <ErrorAlert error={deliveries.error} />;
  const { items, total } = deliveries.data;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('integrations.deliveries.title')}
      </Title>
      <ErrorAlert error={redeliver.error} />
      {total === 0 ? (
        <Text c="dimmed">{t('integrations.deliveries.none')}</Text>
      ) : (
        <>
          <DataTable
            columns={[
              t('integrations.deliveries.at'),
              t('integrations.deliveries.event'),
              t('integrations.webhooks.url'),
              t('integrations.state'),
              t('integrations.deliveries.attempts'),
              t('integrations.deliveries.answer'),
              { label: t('integrations.actions'), hidden: true },
            ]}
            minWidth={720}
            items={items}
            renderRow={(delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                <Table.Td>
                  <Code>{delivery.event}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{delivery.url}</Table.Td>
                <Table.Td>
                  <StateBadge tone={DELIVERY_TONES[delivery.status]}>
                    {t(`integrations.deliveries.status.${delivery.status}`)}
                  </StateBadge>
                  {delivery.nextAttemptAt && (
                    <Text size="xs" c="dimmed">
                      {t('integrations.deliveries.next', { at: formatDateTime(delivery.nextAttemptAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
                <Table.Td>
                  {delivery.responseStatus !== null && <Code>{delivery.responseStatus}</Code>}
                  {delivery.lastError && delivery.responseStatus === null && (
                    <Text size="xs">{delivery.lastError}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {delivery.status !== 'pending' && (
                    <Button
                      size="compact-xs"
                      variant="default"
                      loading={redeliver.isPending && redeliver.variables === delivery.id}
                      onClick={() => redeliver.mutate(delivery.id)}
                      aria-label={t('integrations.deliveries.redeliverLabel', {
                        event: delivery.event,
                        at: formatDateTime(delivery.createdAt),
                      })}
                    >
                      {t('integrations.deliveries.redeliver')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
          <ListPagination total={total} pageSize={DELIVERIES_PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function WebhooksSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const webhooks = useWebhooks(organizationId);
  const toggle = useToggleWebhook(organizationId);
  const remove = useDeleteWebhook(organizationId);
  const [toDelete, setToDelete] = useState<Webhook | null>(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('integrations.webhooks.title')}
      </Title>
      <Text size="sm">{t('integrations.webhooks.intro')}</Text>
      <ErrorAlert error={toggle.error} />
      {webhooks.isPending ? (
        <LoadingBlock />
      ) : webhooks.isError ? (
        <ErrorAlert error={webhooks.error} />
      ) : webhooks.data.items.length === 0 ? (
        <Text c="dimmed">{t('integrations.webhooks.none')}</Text>
      ) : (
        <DataTable
          columns={[
            t('integrations.webhooks.url'),
            t('integrations.webhooks.events'),
            t('integrations.created'),
            t('integrations.state'),
            { label: t('integrations.actions'), hidden: true },
          ]}
          minWidth={640}
          items={webhooks.data.items}
          renderRow={(webhook) => (
            <Table.Tr key={webhook.id}>
              <Table.Td style={{ wordBreak: 'break-all' }}>{webhook.url}</Table.Td>
              <Table.Td>{eventsLabel(webhook.events, t)}</Table.Td>
              <Table.Td>{formatDateTime(webhook.createdAt)}</Table.Td>
              <Table.Td>
                <StateBadge tone={webhook.disabledAt ? 'off' : 'ok'}>
                  {t(webhook.disabledAt ? 'integrations.webhooks.paused' : 'integrations.webhooks.active')}
                </StateBadge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    loading={toggle.isPending && toggle.variables?.webhookId === webhook.id}
                    aria-label={t(
                      webhook.disabledAt ? 'integrations.webhooks.resumeNamed' : 'integrations.webhooks.pauseNamed',
                      { url: webhook.url },
                    )}
                    onClick={() => toggle.mutate({ webhookId: webhook.id, enable: webhook.disabledAt !== null })}
                  >
                    {t(webhook.disabledAt ? 'integrations.webhooks.resume' : 'integrations.webhooks.pause')}
                  </Button>
                  <Button
                    size="xs"
                    variant="outline"
                    color={DANGER}
                    aria-haspopup="dialog"
                    aria-label={t('integrations.webhooks.deleteNamed', { url: webhook.url })}
                    onClick={() => {
                      remove.reset();
                      setToDelete(webhook);
                    }}
                  >
                    {t('integrations.webhooks.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
      <CreateWebhookForm organizationId={organizationId} />
      <DeliveryLog organizationId={organizationId} />
      <ConfirmDialog
        opened={toDelete !== null}
        title={t('integrations.webhooks.deleteTitle')}
        text={t('integrations.webhooks.deleteText', { url: toDelete?.url ?? '' })}
        confirm={t('integrations.webhooks.delete')}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setToDelete(null)}
        onConfirm={() =>
          toDelete &&
          remove.mutate(toDelete.id, {
            onSuccess: () => {
              notifySuccess(t('integrations.webhooks.deleted'));
              setToDelete(null);
            },
          })
        }
      />
    </Stack>
  );
}

/** Only the organization's owners see this tab: the server refuses everyone else. */
export function IntegrationsPanel({ organizationId }: { organizationId: string }) {
  return (
    <Stack gap="xl">
      <TokensSection organizationId={organizationId} />
      <WebhooksSection organizationId={organizationId} />
    </Stack>
  );
}
