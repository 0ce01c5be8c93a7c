import type { SearchHit } from '../api/search.ts';

/** Text with the matched words marked (<mark>: screen readers announce it as highlighted). */
export function MarkedText({ parts }: { parts: SearchHit['titleParts'] }) {
  return parts.map((part, i) =>
    part.match ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed split of one string
      <mark key={i} className="search-match">
        {part.text}
      </mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <span key={i}>{part.text}</span>
    ),
  );
}
