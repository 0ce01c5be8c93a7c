import assert from 'node:assert/strict';
import { type Client, createOrganization } from './factories.ts';

/** Registers an organization and takes it through the whole admission, as its owner and an operator would. */
export async function admittedOrganization(
  owner: Client,
  operator: Client,
  overrides: Record<string, unknown> = {},
  kind: 'participant' | 'partner' = 'participant',
) {
  const org = await createOrganization(owner, overrides);
  const applied = await owner.post(`/api/organizations/${org.id}/membership`, { kind });
  assert.equal(applied.statusCode, 201, applied.body);
  const id = applied.json().id;
  assert.equal((await operator.post(`/api/membership/applications/${id}/review`)).statusCode, 200);
  const approved = await operator.post(`/api/membership/applications/${id}/decision`, {
    decision: 'approve',
    reason: 'Соответствует',
  });
  assert.equal(approved.statusCode, 200, approved.body);
  return { ...org, registryNumber: approved.json().registryNumber as string };
}
