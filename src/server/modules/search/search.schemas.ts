import { Type } from 'typebox';
import { SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { SEARCH_TYPES } from './search.repository.ts';

export const SearchTypeSchema = Type.Enum(SEARCH_TYPES);

export const SearchQuery = Type.Object(
  {
    q: SingleLine(200, 1),
    type: Type.Optional(SearchTypeSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: '5 a group by default; 20 with type' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 0 })),
  },
  Strict,
);

const Part = Type.Object({ text: Type.String(), match: Type.Boolean() });

export const SearchHitSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  /** the title cut into parts, the matched ones flagged */
  titleParts: Type.Array(Part),
  /** a fragment of the public text around the matches; empty when the match is not in the text */
  snippetParts: Type.Array(Part),
  subtitle: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.String(), Type.Null()]),
  /** the page of the record in the web app */
  link: Type.String(),
});

export const SearchGroupSchema = Type.Object({
  type: SearchTypeSchema,
  /** how many match; `more` when counting stopped at the cap */
  total: Type.Integer({ minimum: 0 }),
  more: Type.Boolean(),
  items: Type.Array(SearchHitSchema),
});

export const SearchAnswer = Type.Object({
  q: Type.String(),
  groups: Type.Array(SearchGroupSchema),
});
