// Investors, startups and deals for tests: profiles through the API as a person writes them, deals straight into the
// database in any status (for figures and matrices that need one without walking the whole path).
import assert from 'node:assert/strict';
import { deals } from '../src/server/db/schema/investments.ts';
import type { DealInstrument, DealRound, DealStatus } from '../src/shared/ventures.ts';
import { admittedOrganization } from './admit.ts';
import { type Client, createOrganization } from './factories.ts';
import type { TestApp } from './test-app.ts';

export function investorProfileBody(overrides: Record<string, unknown> = {}) {
  return {
    type: 'private_fund',
    stages: ['seed', 'early'],
    technologies: ['ai', 'drones'],
    markets: ['b2b', 'russia'],
    ticketMinKopecks: '100000000', // 1 mln ₽
    ticketMaxKopecks: '5000000000', // 50 mln ₽
    fundSizeKopecks: '100000000000', // 1 bn ₽
    description: 'Венчурный фонд ранних стадий: ИИ и беспилотники',
    ...overrides,
  };
}

/** An organization of `owner` with the investor capability and a profile (made through the API). */
export async function investorOrganization(
  owner: Client,
  profile: Record<string, unknown> = {},
  organization: Record<string, unknown> = {},
) {
  const org = await createOrganization(owner, {
    shortName: 'ООО «Тестовый Фонд»',
    capabilities: ['investor'],
    technologies: [],
    ...organization,
  });
  const response = await owner.request('PUT', `/api/investors/${org.id}`, investorProfileBody(profile));
  assert.equal(response.statusCode, 201, response.body);
  return { ...org, profile: response.json() };
}

/** A startup admitted to the registry (so the public and investors see it). */
export async function startupOrganization(owner: Client, operator: Client, overrides: Record<string, unknown> = {}) {
  return admittedOrganization(owner, operator, {
    shortName: 'ООО «Тестовый Стартап»',
    isStartup: true,
    startupStage: 'seed',
    technologies: ['ai'],
    ...overrides,
  });
}

let sequence = 0;

/** A deal written straight into the database, in `status` (closed ones with the confirmations asked for). */
export async function insertDeal(
  t: TestApp,
  author: Client,
  values: {
    investorOrganizationId: string;
    organizationId: string;
    status?: DealStatus;
    amountKopecks?: bigint;
    round?: DealRound;
    instrument?: DealInstrument;
    confirmedBy?: { investor?: Client; company?: Client };
  },
) {
  const now = new Date();
  const status = values.status ?? 'intro';
  const [row] = await t.database.db
    .insert(deals)
    .values({
      number: `СД-2026-${String(++sequence).padStart(6, '0')}-${process.pid}`,
      investorOrganizationId: values.investorOrganizationId,
      organizationId: values.organizationId,
      round: values.round ?? 'seed',
      instrument: values.instrument ?? 'equity',
      amountKopecks: values.amountKopecks ?? 1_000_000_000n,
      dealDate: '2026-10-01',
      status,
      createdBy: author.userId,
      closedAt: status === 'closed' ? now : null,
      investorConfirmedAt: values.confirmedBy?.investor ? now : null,
      investorConfirmedBy: values.confirmedBy?.investor?.userId ?? null,
      companyConfirmedAt: values.confirmedBy?.company ? now : null,
      companyConfirmedBy: values.confirmedBy?.company?.userId ?? null,
    })
    .returning();
  return row;
}
