// What a schema cannot check about a measure: amounts against each other, the window, and the form and
// criteria as a whole. Pure; answers the problems by field path (`formFields.2.key`), empty when all is well.
import type { Criterion, EligibilityRules, FormField } from '../../../shared/measures.ts';
import type { AppError } from '../../http/app-error.ts';

export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** Criteria keep their customary names: K1…K5. */
export const CRITERION_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;

export interface MeasureDefinition {
  maxAmountKopecks: bigint;
  budgetKopecks: bigint;
  /** approved so far; the budget never drops below it */
  committedKopecks?: bigint;
  opensAt: Date;
  closesAt: Date;
  formFields: FormField[];
  criteria: Criterion[];
  eligibility?: EligibilityRules;
}

export type DefinitionProblems = NonNullable<AppError['fields']>;

/**
 * Checks a whole definition. With `publishAt` also what publication needs: at least one criterion and a window
 * that has not ended by then.
 */
export function validateMeasureDefinition(
  def: MeasureDefinition,
  options: { publishAt?: Date } = {},
): DefinitionProblems {
  const problems: DefinitionProblems = {};
  if (def.maxAmountKopecks <= 0n) problems.maxAmountKopecks = 'measure.amount_positive';
  if (def.budgetKopecks <= 0n) problems.budgetKopecks = 'measure.amount_positive';
  else if (def.committedKopecks !== undefined && def.budgetKopecks < def.committedKopecks) {
    problems.budgetKopecks = {
      code: 'measure.budget_below_committed',
      params: { committed: def.committedKopecks.toString() },
    };
  }
  if (!problems.maxAmountKopecks && !problems.budgetKopecks && def.maxAmountKopecks > def.budgetKopecks) {
    problems.maxAmountKopecks = 'measure.max_over_budget';
  }
  if (def.opensAt.getTime() >= def.closesAt.getTime()) problems.closesAt = 'measure.window_order';
  else if (options.publishAt && def.closesAt.getTime() <= options.publishAt.getTime())
    problems.closesAt = 'measure.window_past';

  const fieldKeys = new Set<string>();
  def.formFields.forEach((field, i) => {
    const path = `formFields.${i}`;
    if (!FIELD_KEY_PATTERN.test(field.key)) problems[`${path}.key`] = 'measure.field_key_format';
    else if (fieldKeys.has(field.key)) problems[`${path}.key`] = 'measure.field_key_duplicate';
    fieldKeys.add(field.key);
    if (field.type === 'choice') {
      const options = field.options ?? [];
      if (options.length === 0 || new Set(options).size !== options.length)
        problems[`${path}.options`] = 'measure.choice_options';
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max)
      problems[`${path}.max`] = 'measure.bounds_order';
  });

  const consortium = def.eligibility?.consortium;
  if (consortium && consortium.min > consortium.max)
    problems['eligibility.consortium.max'] = 'project.consortium_range';

  if (options.publishAt && def.criteria.length === 0) problems.criteria = 'measure.criteria_required';
  const criterionKeys = new Set<string>();
  def.criteria.forEach((criterion, i) => {
    const path = `criteria.${i}`;
    if (!CRITERION_KEY_PATTERN.test(criterion.key)) problems[`${path}.key`] = 'measure.criterion_key_format';
    else if (criterionKeys.has(criterion.key)) problems[`${path}.key`] = 'measure.criterion_key_duplicate';
    criterionKeys.add(criterion.key);
    if (!(criterion.weight > 0)) problems[`${path}.weight`] = 'measure.weight_positive';
  });
  return problems;
}
