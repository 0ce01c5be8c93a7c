// Eligibility rules are data on the measure; this checks them against an organization, rule by rule, so the
// company sees a checklist (met / not met / why) and an application cannot start when any rule fails.
import type { MembershipKind, SmeCategory } from '../../../shared/domain.ts';
import type { EligibilityRules } from '../../../shared/measures.ts';

export type EligibilityRule = 'membership' | 'region' | 'okvedSection' | 'smeCategory' | 'age' | 'startup';

export interface EligibilityCheck {
  rule: EligibilityRule;
  met: boolean;
  /** Why, in Russian for people; `params` lets the web app say it in English too. */
  reason: string;
  params: Record<string, string | number | string[]>;
}

export interface OrganizationFacts {
  membershipStatus: string;
  membershipKind: MembershipKind | null;
  regionCode: string;
  okvedSection: string;
  smeCategory: SmeCategory;
  foundedOn: string | null;
  isStartup: boolean;
}

const KIND_NAMES: Record<MembershipKind, string> = { participant: 'участник кластера', partner: 'партнёр кластера' };

/** Full years between two dates (birthday arithmetic, UTC). */
export function fullYearsBetween(from: string, to: Date): number {
  const start = new Date(`${from}T00:00:00Z`);
  let years = to.getUTCFullYear() - start.getUTCFullYear();
  const beforeAnniversary =
    to.getUTCMonth() < start.getUTCMonth() ||
    (to.getUTCMonth() === start.getUTCMonth() && to.getUTCDate() < start.getUTCDate());
  if (beforeAnniversary) years--;
  return years;
}

export function evaluateEligibility(rules: EligibilityRules, org: OrganizationFacts, now: Date) {
  const checks: EligibilityCheck[] = [];
  const admitted = org.membershipStatus === 'participant' && org.membershipKind !== null;

  if (rules.membershipKinds?.length) {
    const met = admitted && rules.membershipKinds.includes(org.membershipKind!);
    const wanted = rules.membershipKinds.map((k) => KIND_NAMES[k]).join(' или ');
    checks.push({
      rule: 'membership',
      met,
      reason: met
        ? `Организация — ${KIND_NAMES[org.membershipKind!]}`
        : admitted
          ? `Мера для организаций со статусом: ${wanted}; у организации — ${KIND_NAMES[org.membershipKind!]}`
          : `Мера только для организаций со статусом: ${wanted}. Подайте заявку на вступление в кластер`,
      params: { required: rules.membershipKinds, actual: admitted ? org.membershipKind! : org.membershipStatus },
    });
  }
  if (rules.regionCodes?.length) {
    const met = rules.regionCodes.includes(org.regionCode);
    checks.push({
      rule: 'region',
      met,
      reason: met
        ? `Регион регистрации ${org.regionCode} подходит`
        : `Нужна регистрация в регионе ${rules.regionCodes.join(', ')}; организация — в регионе ${org.regionCode}`,
      params: { required: rules.regionCodes, actual: org.regionCode },
    });
  }
  if (rules.okvedSections?.length) {
    const met = rules.okvedSections.includes(org.okvedSection);
    checks.push({
      rule: 'okvedSection',
      met,
      reason: met
        ? `Основной ОКВЭД из раздела ${org.okvedSection} подходит`
        : `Основной ОКВЭД должен быть из разделов ${rules.okvedSections.join(', ')}; у организации — раздел ${org.okvedSection}`,
      params: { required: rules.okvedSections, actual: org.okvedSection },
    });
  }
  if (rules.smeCategories?.length) {
    const met = rules.smeCategories.includes(org.smeCategory);
    checks.push({
      rule: 'smeCategory',
      met,
      reason: met
        ? 'Категория МСП подходит'
        : `Мера для категорий МСП: ${rules.smeCategories.join(', ')}; у организации — ${org.smeCategory}`,
      params: { required: rules.smeCategories, actual: org.smeCategory },
    });
  }
  if (rules.minAgeYears) {
    const age = org.foundedOn ? fullYearsBetween(org.foundedOn, now) : null;
    const met = age !== null && age >= rules.minAgeYears;
    checks.push({
      rule: 'age',
      met,
      reason:
        age === null
          ? `Нужно не меньше ${rules.minAgeYears} лет с регистрации; дата регистрации не указана в профиле`
          : met
            ? `С регистрации прошло ${age} лет (нужно не меньше ${rules.minAgeYears})`
            : `Нужно не меньше ${rules.minAgeYears} лет с регистрации; прошло ${age}`,
      params: { required: rules.minAgeYears, actual: age ?? 'unknown' },
    });
  }
  if (rules.startupOnly) {
    checks.push({
      rule: 'startup',
      met: org.isStartup,
      reason: org.isStartup ? 'Организация — стартап' : 'Мера только для стартапов: отметьте стадию стартапа в профиле',
      params: { required: 'startup', actual: org.isStartup ? 'startup' : 'not_startup' },
    });
  }
  return { eligible: checks.every((c) => c.met), checks };
}
