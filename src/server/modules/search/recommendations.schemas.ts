import { Type } from 'typebox';
import { Strict, Uuid } from '../../http/schema-helpers.ts';
import { RECOMMENDATION_KINDS } from './recommendations.repository.ts';

export const RecommendationParams = Type.Object({ kind: Type.Enum(RECOMMENDATION_KINDS) }, Strict);

export const RecommendationQuerySchema = Type.Object(
  {
    organizationId: Type.Optional(Uuid),
    requestId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  Strict,
);

const ReasonSchema = Type.Object({
  kind: Type.Enum([
    'technology',
    'past_technology',
    'words',
    'experience',
    'eligible',
    'closes',
    'startup',
    'stage',
    'ticket',
    'market',
  ] as const),
  values: Type.Array(Type.String(), {
    description:
      'technology / past_technology: technology areas; words: words of the description found; experience: the ' +
      'number of solutions in those areas; closes: the deadline or closing moment; stage, ticket, market: as in ' +
      'investor matching',
  }),
});

export const RecommendationsAnswer = Type.Object({
  kind: Type.Enum(RECOMMENDATION_KINDS),
  subjectId: Uuid,
  items: Type.Array(
    Type.Object({
      targetId: Uuid,
      title: Type.String(),
      subtitle: Type.Union([Type.String(), Type.Null()]),
      link: Type.String(),
      score: Type.Number(),
      reasons: Type.Array(ReasonSchema),
    }),
  ),
});

export const HideBody = Type.Object(
  {
    organizationId: Type.Optional(Uuid),
    requestId: Type.Optional(Uuid),
    targetId: Uuid,
  },
  Strict,
);

export const UnhideBody = Type.Object({ organizationId: Type.Optional(Uuid), requestId: Type.Optional(Uuid) }, Strict);
