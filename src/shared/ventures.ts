// Innovative projects (joint or not) and investments: the names stored and sent over the API (the UI translates
// the keys).

export const PROJECT_STATUSES = ['planned', 'active', 'implemented', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Where a project is in its work, beside its status. */
export const PROJECT_STAGES = ['research', 'development', 'testing', 'implementation', 'scaling'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PARTNER_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** A project is joint when this many distinct cluster participants (the lead included) have confirmed. */
export const JOINT_MIN_PARTICIPANTS = 2;
/** A consortium for the cooperative grant. */
export const CONSORTIUM_MIN = 2;
export const CONSORTIUM_MAX = 5;

export const INVESTOR_TYPES = [
  'private_fund',
  'corporate_fund',
  'state_fund',
  'accelerator',
  'business_angel',
] as const;
export type InvestorType = (typeof INVESTOR_TYPES)[number];

export const DEAL_ROUNDS = ['pre_seed', 'seed', 'a', 'b', 'c', 'later'] as const;
export type DealRound = (typeof DEAL_ROUNDS)[number];

export const DEAL_INSTRUMENTS = ['equity', 'convertible_loan', 'loan', 'grant'] as const;
export type DealInstrument = (typeof DEAL_INSTRUMENTS)[number];

export const DEAL_STATUSES = ['intro', 'due_diligence', 'term_sheet', 'closed', 'dropped'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Markets an investor looks at and a startup sells to. */
export const MARKETS = ['b2b', 'b2c', 'b2g', 'russia', 'cis', 'asia', 'middle_east', 'global'] as const;
export type Market = (typeof MARKETS)[number];
